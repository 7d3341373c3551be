#!/usr/bin/env python3
"""Compare capsim's interior-point LP solver with HiGHS on the synthetic dispatch LP.

For each number of hours T it writes the synthetic dispatch LP (capsim's tool
`synthetic-lp`) as MPS, without and with the annual linking row (`--link`), solves
each file with HiGHS at one thread by dual simplex and by interior point (no
crossover), and with `capsim lp solve FILE --json`, and prints one table.

Times: HiGHS is the wall time of `run()` alone (reading the file is not counted);
capsim is the `seconds` of its JSON (its solver's own time). With no capsim binary
only the HiGHS columns are printed.

With `--mps FILE…` it compares the given MPS files instead (for example the LP of a
scenario year written by `capsim lp export`; `make bench-compare` does this for the
default scenario's 2030 LP).

Needs `highspy` (pip install highspy, in a venv: it is never a dependency of capsim).
See README.md beside this file.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = os.path.dirname(SCRIPTS)
ROOT = os.path.dirname(BENCHMARKS)
LINK_ROW = "coalcap"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hours", default="168,1752,8760",
                        help="comma-separated numbers of hours (default 168,1752,8760)")
    parser.add_argument("--capsim", default=os.path.join(ROOT, ".build", "release", "capsim"),
                        help="the capsim binary (default ROOT/.build/release/capsim; skipped if absent)")
    parser.add_argument("--synthetic-lp", dest="synthetic_lp", default=None,
                        help="the synthetic-lp binary (default: build it with swift build -c release)")
    parser.add_argument("--seed", type=int, default=1, help="the synthetic problem's seed (default 1)")
    parser.add_argument("--link", choices=["both", "no", "yes"], default="both",
                        help="which variants: without the linking row, with it, or both (default)")
    parser.add_argument("--methods", default="simplex,ipm",
                        help="HiGHS methods to run, from simplex,ipm (default both)")
    parser.add_argument("--workdir", default=None, help="keep the MPS files here (default: a temporary folder)")
    parser.add_argument("--capsim-path", dest="capsim_path", default=None,
                        help="capsim's linear-algebra path (--path of capsim lp solve: automatic, banded, bordered, dense)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed to each capsim solve")
    parser.add_argument("--json", dest="json_out", default=None, help="also write the rows of the table as JSON here")
    parser.add_argument("--mps", nargs="+", default=None, help="compare these MPS files instead of the synthetic LPs")
    return parser.parse_args()


def synthetic_lp_binary(given):
    if given:
        return given
    subprocess.run(["swift", "build", "-c", "release", "--product", "synthetic-lp"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "synthetic-lp")


def write_mps(binary, hours, link, seed, path):
    command = [binary, "--hours", str(hours), "--seed", str(seed), "--out", path] + (["--link"] if link else [])
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return result.stderr.strip()


def solve_highs(path, method):
    import highspy

    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("solver", method)
    if method == "ipm":
        highs.setOptionValue("run_crossover", "off")
    if highs.readModel(path) != highspy.HighsStatus.kOk:
        raise RuntimeError(f"HiGHS cannot read {path}")
    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start
    status = highs.modelStatusToString(highs.getModelStatus())
    info = highs.getInfo()
    iterations = info.simplex_iteration_count if method == "simplex" else info.ipm_iteration_count
    result = {"status": status, "objective": info.objective_function_value, "seconds": seconds,
              "iterations": iterations}
    # The linking row: its slack and dual, to show that it binds.
    lp = highs.getLp()
    names = list(lp.row_names_)
    if LINK_ROW in names:
        row = names.index(LINK_ROW)
        solution = highs.getSolution()
        result["link_slack"] = lp.row_upper_[row] - solution.row_value[row]
        result["link_dual"] = solution.row_dual[row]
    return result


def solve_capsim(binary, path, timeout, kkt_path=None):
    if not binary or not os.path.exists(binary):
        return None
    command = [binary, "lp", "solve", path, "--json"] + (["--path", kkt_path] if kkt_path else [])
    try:
        start = time.perf_counter()
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        process_seconds = time.perf_counter() - start
    except subprocess.TimeoutExpired:
        return {"status": f"timeout {timeout:g} s", "objective": math.nan, "seconds": math.nan}
    try:
        answer = json.loads(completed.stdout)
    except json.JSONDecodeError:
        lines = [line.strip() for line in (completed.stderr + completed.stdout).splitlines() if line.strip()]
        return {"status": "error: " + (lines[0] if lines else f"exit {completed.returncode}"),
                "objective": math.nan, "seconds": math.nan}
    result = {key: answer.get(key) for key in ("status", "objective", "iterations", "seconds", "path", "message")}
    result["process_seconds"] = process_seconds  # with reading the file, for information
    return result


def number(value, digits=6):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}g}"


def seconds_text(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.3f}"


def solve_all(path, row, methods, capsim, arguments):
    """Solves one MPS file with each HiGHS method and with capsim; returns the table row."""
    for method in methods:
        row[method] = solve_highs(path, method)
        print(f"  HiGHS {method}: {row[method]}", file=sys.stderr)
    if capsim:
        row["capsim"] = solve_capsim(capsim, path, arguments.timeout, arguments.capsim_path)
        print(f"  capsim: {row['capsim']}", file=sys.stderr)
    return row


def main():
    arguments = parse_arguments()
    hours_list = [int(item) for item in arguments.hours.split(",") if item.strip()]
    links = {"both": [False, True], "no": [False], "yes": [True]}[arguments.link]
    methods = [item.strip() for item in arguments.methods.split(",") if item.strip()]
    try:
        import highspy  # noqa: F401
    except ImportError:
        sys.exit("compare_highs.py needs highspy: make bench-compare installs it in .build/bench-venv; then run .build/bench-venv/bin/python Benchmarks/Scripts/compare_highs.py")
    capsim = arguments.capsim if os.path.exists(arguments.capsim) else None
    if capsim is None:
        print(f"(no capsim binary at {arguments.capsim}: HiGHS columns only)", file=sys.stderr)
    rows = []
    if arguments.mps:
        for path in arguments.mps:
            rows.append(solve_all(path, {"hours": os.path.basename(path), "link": False}, methods, capsim, arguments))
        print_table(rows, methods, capsim is not None)
        if arguments.json_out:
            with open(arguments.json_out, "w") as handle:
                json.dump(rows, handle, indent=2)
        return
    generator = synthetic_lp_binary(arguments.synthetic_lp)

    workdir = arguments.workdir or tempfile.mkdtemp(prefix="capsim-synthetic-")
    os.makedirs(workdir, exist_ok=True)
    try:
        for hours in hours_list:
            for link in links:
                path = os.path.join(workdir, f"synthetic-{hours}{'-link' if link else ''}.mps")
                summary = write_mps(generator, hours, link, arguments.seed, path)
                print(summary, file=sys.stderr)
                rows.append(solve_all(path, {"hours": hours, "link": link}, methods, capsim, arguments))
    finally:
        if arguments.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print_table(rows, methods, capsim is not None)
    if arguments.json_out:
        with open(arguments.json_out, "w") as handle:
            json.dump(rows, handle, indent=2)


def print_table(rows, methods, with_capsim):
    header = ["T", "link"]
    for method in methods:
        header += [f"HiGHS {method} s", f"{method} objective"]
    if any(row["link"] for row in rows):
        header += ["cap dual"]
    if with_capsim:
        header += ["capsim s", "capsim objective", "capsim status, iterations, path", "rel diff", "HiGHS best / capsim"]
    table = [header]
    notes = []
    for row in rows:
        line = [str(row["hours"]), "yes" if row["link"] else "no"]
        for method in methods:
            result = row[method]
            time_text = seconds_text(result["seconds"])
            if result["status"] != "Optimal":
                time_text += f" ({result['status']})"
            line += [time_text, number(result["objective"], 12)]
        if "cap dual" in header:
            duals = [row[m].get("link_dual") for m in methods if row[m].get("link_dual") is not None]
            line += [number(duals[0], 4) if duals else ""]
        if with_capsim:
            capsim = row.get("capsim") or {}
            reference = next((row[m]["objective"] for m in methods if row[m]["status"] == "Optimal"), math.nan)
            objective = capsim.get("objective")
            objective = math.nan if objective is None else float(objective)
            seconds = capsim.get("seconds")
            seconds = math.nan if seconds is None else float(seconds)
            optimal = capsim.get("status") == "optimal"
            difference = abs(objective - reference) / max(1.0, abs(reference)) if optimal else math.nan
            best = min((row[m]["seconds"] for m in methods if row[m]["status"] == "Optimal"), default=math.nan)
            ratio = best / seconds if optimal and seconds > 0 else math.nan
            if not optimal and capsim.get("message"):
                notes.append(f"T = {row['hours']}, link {'yes' if row['link'] else 'no'}: capsim {capsim['message']}")
            status = str(capsim.get("status", "-"))
            if capsim.get("iterations") is not None:
                status += f", {capsim['iterations']}, {capsim.get('path', '?')}"
            line += [seconds_text(seconds), number(objective, 12), status, number(difference, 2), number(ratio, 3)]
        table.append(line)
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for index, line in enumerate(table):
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
