#!/usr/bin/env python3
"""Small random LPs solved by HiGHS and by one or more capsim binaries: how often each
binary's status (and, where optimal, objective) agrees with HiGHS's.

Each LP (5–120 rows, up to twice as many columns) is built around a random point x0:
sparse coefficients whose sizes span up to six orders of magnitude, E, L, G and range
rows around A x0, columns boxed, bounded on one side or free, random costs. Some are
therefore optimal, some unbounded (a free column with a helpful cost), and about one in
seven is made infeasible by moving one equality row's right-hand side. The LPs depend on
the seeds only, so two versions of capsim can be compared on the same ones.

Agreement: both optimal with objectives within 1e-6 relative, both infeasible, or both
unbounded (capsim's `dual infeasible`, HiGHS's `Unbounded` or `Primal infeasible or
unbounded`). Everything else is counted by (capsim status, HiGHS status); a capsim
status other than `optimal` or `numerical trouble` where HiGHS finds an optimum, or an
objective that differs, is listed as a wrong answer.

HiGHS decides feasibility to 10⁻⁷ by default, capsim to its tolerance of 10⁻⁹ (relative):
an LP that misses feasibility by 10⁻⁸ is optimal for one and infeasible for the other.
`--highs-tolerance 1e-9` sets HiGHS's primal and dual feasibility tolerances to compare at
the same one.

Needs `highspy` (pip install highspy, in a venv: it is never a dependency of capsim).

    python Benchmarks/Scripts/random_lps.py --seeds 1-900 .build/release/capsim OTHER/capsim
"""

import argparse
import collections
import json
import os
import random
import subprocess
import tempfile


def write_mps(path, rows, columns, costs, lower, upper, types, rhs, ranges):
    """Free-format MPS: `columns` is a list of (row index, value) lists."""
    with open(path, "w") as f:
        f.write("NAME RANDOM\nROWS\n N OBJ\n")
        for i, kind in enumerate(types):
            f.write(f" {kind} R{i}\n")
        f.write("COLUMNS\n")
        for j, entries in enumerate(columns):
            f.write(f" X{j} OBJ {costs[j]!r}\n")
            for i, value in entries:
                f.write(f" X{j} R{i} {value!r}\n")
        f.write("RHS\n")
        for i in range(rows):
            f.write(f" RHS R{i} {rhs[i]!r}\n")
        if any(r is not None for r in ranges):
            f.write("RANGES\n")
            for i, r in enumerate(ranges):
                if r is not None:
                    f.write(f" RNG R{i} {r!r}\n")
        f.write("BOUNDS\n")
        for j, (low, up) in enumerate(zip(lower, upper)):
            if low is None and up is None:
                f.write(f" FR BND X{j}\n")
                continue
            if low is None:
                f.write(f" MI BND X{j}\n")
            elif low != 0:
                f.write(f" LO BND X{j} {low!r}\n")
            if up is not None:
                f.write(f" UP BND X{j} {up!r}\n")
        f.write("ENDATA\n")


def random_lp(seed, path):
    r = random.Random(seed)
    rows = r.randint(5, 120)
    n = r.randint(rows // 2, 2 * rows)
    density, spread = r.uniform(0.03, 0.3), r.choice([1, 10, 1000])
    columns = [[(i, round(r.uniform(-1, 1) * spread ** r.uniform(-1, 1), 6)) for i in range(rows) if r.random() < density]
               for _ in range(n)]
    x0 = [r.uniform(-5, 5) for _ in range(n)]
    lower, upper = [], []
    for j in range(n):
        k = r.random()
        if k < 0.1:
            lower.append(None); upper.append(None)
        elif k < 0.5:
            lower.append(round(x0[j] - r.uniform(0, 3), 3)); upper.append(round(x0[j] + r.uniform(0, 3), 3))
        elif k < 0.8:
            lower.append(round(x0[j] - r.uniform(0, 3), 3)); upper.append(None)
        else:
            lower.append(None); upper.append(round(x0[j] + r.uniform(0, 3), 3))
    activity = [0.0] * rows
    for j, entries in enumerate(columns):
        for i, value in entries:
            activity[i] += value * x0[j]
    types, rhs, ranges = [], [], []
    for i in range(rows):
        k = r.random()
        if k < 0.4:
            types.append("E"); rhs.append(round(activity[i], 6)); ranges.append(None)
        elif k < 0.65:
            types.append("L"); rhs.append(round(activity[i] + r.uniform(0, 2), 6)); ranges.append(None)
        elif k < 0.9:
            types.append("G"); rhs.append(round(activity[i] - r.uniform(0, 2), 6)); ranges.append(None)
        else:
            types.append("E"); rhs.append(round(activity[i] - 1, 6)); ranges.append(round(r.uniform(1, 3), 3))
    costs = [round(r.uniform(-1, 1) * r.choice([1, 1, 100]), 4) for _ in range(n)]
    if r.random() < 0.15:
        i = r.randrange(rows)
        types[i], ranges[i] = "E", None
        rhs[i] += r.choice([0.01, 1, 50])
    write_mps(path, rows, columns, costs, lower, upper, types, rhs, ranges)


def highs(path, tolerance=None):
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    if tolerance is not None:
        h.setOptionValue("primal_feasibility_tolerance", tolerance)
        h.setOptionValue("dual_feasibility_tolerance", tolerance)
    h.readModel(path)
    h.run()
    return h.modelStatusToString(h.getModelStatus()), h.getInfo().objective_function_value


def capsim(binary, path):
    run = subprocess.run([binary, "lp", "solve", path, "--json"], capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
        return report["status"], report.get("objective")
    except (json.JSONDecodeError, KeyError):
        return "no report (exit %d)" % run.returncode, None


def verdict(ours, theirs):
    (status, objective), (reference, value) = ours, theirs
    if status == "optimal" and reference == "Optimal":
        return "agree" if abs(objective - value) <= 1e-6 * (1 + abs(value)) else "WRONG objective"
    if status == "primal infeasible" and reference == "Infeasible":
        return "agree"
    if status.startswith("dual infeasible") and reference in ("Unbounded", "Primal infeasible or unbounded"):
        return "agree"
    if reference == "Optimal" and status != "numerical trouble":
        return "WRONG: %s where HiGHS finds an optimum" % status
    return "%s (HiGHS: %s)" % (status, reference)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binaries", nargs="+", help="capsim binaries to compare")
    parser.add_argument("--seeds", default="1-300", help="A-B, the LPs' seeds (default 1-300)")
    parser.add_argument("--workdir", help="keep the MPS files here (default: a temporary folder)")
    parser.add_argument("--highs-tolerance", type=float, help="HiGHS's primal and dual feasibility tolerance (default: its own, 1e-7)")
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    workdir = args.workdir or tempfile.mkdtemp(prefix="random-lps-")
    os.makedirs(workdir, exist_ok=True)
    counts = [collections.Counter() for _ in args.binaries]
    for seed in range(first, last + 1):
        path = os.path.join(workdir, "lp%d.mps" % seed)
        random_lp(seed, path)
        reference = highs(path, args.highs_tolerance)
        outcomes = [verdict(capsim(b, path), reference) for b in args.binaries]
        for count, outcome in zip(counts, outcomes):
            count[outcome] += 1
        if len(set(outcomes)) > 1 or any(o.startswith("WRONG") for o in outcomes):
            print("seed %d (HiGHS %s):" % (seed, reference[0]), " | ".join(outcomes))
        if not args.workdir:
            os.remove(path)
    for binary, count in zip(args.binaries, counts):
        print("\n%s: %d of %d agree with HiGHS" % (binary, count["agree"], last - first + 1))
        for outcome, number in count.most_common():
            if outcome != "agree":
                print("  %4d  %s" % (number, outcome))


if __name__ == "__main__":
    main()
