#!/usr/bin/env bash
# capsim's benchmark smoke test (`make bench-smoke`, run by CI after the tests).
#
# It checks ratios measured within one run, never absolute times, since CI machines are
# noisy, and fails (exit 1) when one breaks:
#   1. scaling: the solver's time per hour of horizon on the synthetic dispatch LP at
#      T = 8 760 is at most 2.5× that at T = 1 752 (linear scaling; a quadratic step in
#      the solve makes it about 5×; the cache alone costs about 1.5×, as the 1 752-hour
#      problem fits in a 32 MB cache and the 8 760-hour one does not, and 45 iterations
#      against 35 about 1.3×). The shared machine moves a 0.6 s solve by up to 1.5× for
#      minutes at a time, while the 0.07 s solves find its quiet moments: CI printed
#      1.13–1.74 and then 2.08 with the solver unchanged, so the limit is 2.5, not 2;
#   2. the annual linking row: at T = 8 760 the LP with the coal cap takes at most 2× the
#      time of the one without;
#   3. parallel sweeps: 8 points of the small benchmark city take less wall time with
#      --jobs 2 than with --jobs 1.
#   4. no allocation in the solver's iterations: a solve of the 1 752-hour LP stopped
#      after 30 iterations makes at most 2 calls to malloc and its kin more than one
#      stopped after 10, on one thread and on two (counted by malloc_count.c, compiled with
#      the toolchain's clang and loaded with LD_PRELOAD; skipped with a message when it
#      cannot be compiled). An allocation an iteration would add 20. The 2 allow for the
#      second thread's one-time allocations, which fall before or after the process's
#      exit depending on timing: CI once counted 2 262 after 10 iterations and 2 263
#      after 20 on two threads, where every other run counted 2 263 for both.
# Solver timings are the best of five rounds, each round solving the three LPs one
# after another, so that a noisy spell on a shared machine touches both sides of a
# ratio; sweep timings are the best of three runs each, --jobs 1 and --jobs 2 in turn
# (with the best of two, one after the other, a busy spell on the other core made the
# two equal in 6 of 9 runs on a shared machine). Needs the capsim and synthetic-lp binaries
# (`make bench-smoke` builds them with the flags of `make test`, so nothing is rebuilt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
capsim="${CAPSIM:-$root/.build/release/capsim}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

synthetic="${SYNTHETIC_LP:-$root/.build/release/synthetic-lp}"

# The solver's own seconds for an MPS file, one run.
solve_seconds() {
    "$capsim" lp solve "$1" --json | sed -n 's/.*"seconds" *: *\([0-9.eE+-]*\).*/\1/p' | head -1
}

# The smaller of two numbers (the first may be empty).
lesser() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b < a) print b; else print a }'
}

# Wall seconds of one run of the small-city sweep with `--jobs $1`, into an empty folder.
sweep_seconds() {
    rm -rf "$work/sweep"
    local start end
    start="$(date +%s.%N)"
    "$capsim" sweep "$root/Benchmarks/Scenarios/small-city.yaml" --set "technologies.battery.capacity=0GW...0.15GW:0.05GW" \
        --seeds 1...2 --years 2021 --quiet --jobs "$1" --out "$work/sweep" > /dev/null
    end="$(date +%s.%N)"
    awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'
}

failed=0
check() {  # name, ratio, limit
    local verdict
    verdict="$(awk -v r="$2" -v l="$3" 'BEGIN { print (r <= l) ? "ok" : "FAILED" }')"
    printf '%-58s %6.2f  (limit %s)  %s\n' "$1" "$2" "$3" "$verdict"
    [ "$verdict" = ok ] || failed=1
}

for hours in 1752 8760; do
    "$synthetic" --hours "$hours" --out "$work/t$hours.mps" 2> /dev/null
done
"$synthetic" --hours 8760 --link --out "$work/t8760-link.mps" 2> /dev/null
t1752="" t8760="" t8760link=""
for _ in 1 2 3 4 5; do
    t1752="$(lesser "$t1752" "$(solve_seconds "$work/t1752.mps")")"
    t8760="$(lesser "$t8760" "$(solve_seconds "$work/t8760.mps")")"
    t8760link="$(lesser "$t8760link" "$(solve_seconds "$work/t8760-link.mps")")"
done
echo "solver: T = 1752 h ${t1752} s, T = 8760 h ${t8760} s, T = 8760 h with the linking row ${t8760link} s"
check "time per hour, T = 8760 over T = 1752" "$(awk -v a="$t8760" -v b="$t1752" 'BEGIN { print (a / 8760) / (b / 1752) }')" 2.5
check "T = 8760, with the linking row over without" "$(awk -v a="$t8760link" -v b="$t8760" 'BEGIN { print a / b }')" 2.0

# Calls to malloc and its kin in a solve of $1 stopped after $2 iterations on $3 threads
# (the iteration limit makes `lp solve` exit with status 4).
malloc_calls() {
    local report
    report="$(LD_PRELOAD="$work/malloc_count.so" "$capsim" lp solve "$1" --max-iterations "$2" --threads "$3" 2>&1 > /dev/null || true)"
    printf '%s\n' "$report" | sed -n 's/^malloc calls: \([0-9]*\)$/\1/p' | tail -1
}

if "${CC:-clang}" -O2 -shared -fPIC "$here/malloc_count.c" -o "$work/malloc_count.so" 2> "$work/cc.log"; then
    for threads in 1 2; do
        ten="$(malloc_calls "$work/t1752.mps" 10 "$threads")"
        thirty="$(malloc_calls "$work/t1752.mps" 30 "$threads")"
        if [ -z "$ten" ] || [ -z "$thirty" ]; then
            echo "bench-smoke: the malloc count did not report (LD_PRELOAD not honoured?); allocation check on $threads thread(s) skipped"
            continue
        fi
        echo "allocations on $threads thread(s): $ten after 10 iterations, $thirty after 30"
        check "allocations in iterations 11-30, $threads thread(s)" "$((thirty - ten))" 2
    done
else
    reason="$(head -1 "$work/cc.log")"
    echo "bench-smoke: malloc_count.c could not be compiled with ${CC:-clang}${reason:+ ($reason)}; allocation check skipped"
fi

one="" two=""
for _ in 1 2 3; do
    one="$(lesser "$one" "$(sweep_seconds 1)")"
    two="$(lesser "$two" "$(sweep_seconds 2)")"
done
echo "sweep of 8 points: --jobs 1 ${one} s, --jobs 2 ${two} s"
check "sweep wall time, --jobs 2 over --jobs 1" "$(awk -v a="$two" -v b="$one" 'BEGIN { print a / b }')" 0.999

if [ "$failed" -ne 0 ]; then
    echo "bench-smoke: a ratio or count broke its limit" >&2
    exit 1
fi
echo "bench-smoke: every ratio and count within its limit"
