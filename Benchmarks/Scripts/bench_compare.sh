#!/usr/bin/env bash
# `make bench-compare`: the default scenario's 2030 LP, as `capsim run` solves it, written
# as MPS and solved by capsim and by HiGHS (highspy, one thread; dual simplex and
# interior point without crossover), with objectives, times and ratios.
# HiGHS is installed on demand in a virtual environment (.build/bench-venv); without
# Python or without the package this script says so and stops (exit 0).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
capsim="${CAPSIM:-$root/.build/release/capsim}"
scenario="${SCENARIO:-$root/Scenarios/shaoyang.yaml}"
venv="$root/.build/bench-venv"
mps="$root/.build/bench/shaoyang-2030.mps"

if ! command -v python3 > /dev/null; then
    echo "bench-compare: python3 is not installed; nothing compared" >&2
    exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
    if ! python3 -m venv "$venv" > /dev/null 2>&1; then
        echo "bench-compare: python3 cannot create a virtual environment (Debian: apt-get install python3-venv); nothing compared" >&2
        exit 0
    fi
fi
if ! "$venv/bin/python" -c "import highspy" 2> /dev/null; then
    if ! "$venv/bin/pip" install --quiet highspy==1.16.0 > /dev/null 2>&1; then
        echo "bench-compare: pip could not install highspy; nothing compared" >&2
        exit 0
    fi
fi
mkdir -p "$(dirname "$mps")"
"$capsim" lp export "$scenario" --year 2030 --out "$mps"
"$venv/bin/python" "$here/compare_highs.py" --capsim "$capsim" --mps "$mps"
