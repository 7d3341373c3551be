#!/usr/bin/env python3
"""Convert package-benchmark's JMH export into the customSmallerIsBetter format.

`make bench-json` runs `swift package benchmark --format jmh --path DIR` and then this
script, which reads every *.json file in DIR and writes one list of
{"name", "unit", "value"} entries — one per benchmark and metric (wall clock, peak
resident memory, allocations; the value is the median the export reports; throughput,
where bigger is better, is left out) — the format that
common CI benchmark dashboards read (for example github-action-benchmark's
`customSmallerIsBetter`).

usage: bench_json.py DIR OUT.json
"""

import glob
import json
import os
import sys


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


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    folder, out = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(folder, "**", "*.json"), recursive=True))
    if not files:
        sys.exit(f"bench_json.py: no JMH files in {folder}")
    result = []
    for path in files:
        with open(path) as handle:
            for element in json.load(handle):
                result.extend(entries(element))
    with open(out + ".tmp", "w") as handle:
        json.dump(result, handle, indent=2)
    os.replace(out + ".tmp", out)
    print(f"wrote {out}: {len(result)} entries from {len(files)} file(s)")


if __name__ == "__main__":
    main()
