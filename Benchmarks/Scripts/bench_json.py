#!/usr/bin/env python3
"""Convert package-benchmark's JMH export into the customSmallerIsBetter format.

`make bench-json` runs `swift package benchmark --format jmh --path DIR` and then this
script, which reads every *.json file in DIR and writes one list of
{"name", "unit", "value"} entries — one per benchmark and metric (wall clock, peak
resident memory, allocations; the value is the median the export reports; throughput,
where bigger is better, is left out) — the format that
common CI benchmark dashboards read (for example github-action-benchmark's
`customSmallerIsBetter`).

The whole default projection takes about 2 s an iteration, and package-benchmark's
export leaves out benchmarks slower than one a second; with `--projection CAPSIM
SCENARIO` the script also times `CAPSIM run SCENARIO` itself (wall time and the peak
resident memory of the process) and adds those two entries.

usage: bench_json.py DIR OUT.json [--projection CAPSIM SCENARIO]
"""

import glob
import json
import os
import resource
import subprocess
import sys
import time


def entries(element):
    """One entry per metric of one JMH element."""
    name = element["benchmark"]
    metrics = {"primary": element["primaryMetric"]}
    metrics.update(element.get("secondaryMetrics") or {})
    for label, metric in metrics.items():
        percentiles = metric.get("scorePercentiles") or {}
        value = percentiles.get("50.0", metric["score"])
        if metric["scoreUnit"].endswith("/ s"):
            continue
        suffix = "" if label == "primary" else f" ({label})"
        yield {"name": f"{name}{suffix}", "unit": metric["scoreUnit"], "value": value}


def projection(capsim, scenario):
    """Wall time and peak resident memory of one `capsim run` of the scenario."""
    start = time.monotonic()
    subprocess.run([capsim, "run", scenario], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    name = f"capsim run {os.path.basename(scenario)} (whole projection)"
    return [{"name": f"{name} (Time (wall clock))", "unit": "s", "value": seconds},
            {"name": f"{name} (Memory (resident peak))", "unit": "MB", "value": peak_kib / 1024}]


def main():
    arguments = sys.argv[1:]
    extra = []
    if len(arguments) == 5 and arguments[2] == "--projection":
        extra = projection(arguments[3], arguments[4])
        arguments = arguments[:2]
    if len(arguments) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    folder, out = arguments
    files = sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))
    if not files:
        sys.exit(f"bench_json.py: no JMH files in {folder}")
    result = []
    for path in files:
        with open(path) as handle:
            for element in json.load(handle):
                result.extend(entries(element))
    result.extend(extra)
    with open(out + ".tmp", "w") as handle:
        json.dump(result, handle, indent=2)
    os.replace(out + ".tmp", out)
    print(f"wrote {out}: {len(result)} entries from {len(files)} file(s)")


if __name__ == "__main__":
    main()
