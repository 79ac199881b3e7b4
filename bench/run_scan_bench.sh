#!/usr/bin/env bash
# Units per second of a dataset scan: every frame of the 3BPA trajectory (500 frames, 27
# atoms), the built-in EGNN, E3, 16 elements, in one process and across MPI ranks on this
# machine; the median of REPEATS runs each: one plain process (LibTorch on every core), one
# MPI rank (mpirun binds it to a core) and RANKS ranks, the speed-ups against both, and rank
# 0's share of the time spent handing out and merging (from its stderr).
#   bench/run_scan_bench.sh [build-dir] [ranks] [repeats]
set -euo pipefail
BUILD="${1:-build}" RANKS="${2:-2}" REPEATS="${3:-3}"
DATA="${EQUISCOPE_SCAN_BENCH_DATA:-$(dirname "$0")/../../shared/data/real/trajectories/3bpa_train_300K.xyz}"
CLI="$BUILD/bin/equiscope-cli"
SCAN=(scan "$DATA" --model egnn --group E3 --samples 16)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Seconds of one run of "$@", its stderr kept in $work/err.
timed() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2> "$work/err"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

units=$("$CLI" info "$DATA" --json | sed -n 's/.*"frames": *\([0-9]*\).*/\1/p')
for i in $(seq "$REPEATS"); do timed "$CLI" "${SCAN[@]}"; done | median > "$work/plain"
for i in $(seq "$REPEATS"); do timed mpirun -n 1 "$CLI" "${SCAN[@]}"; done | median > "$work/one"
for i in $(seq "$REPEATS"); do
    timed mpirun --oversubscribe -n "$RANKS" "$CLI" "${SCAN[@]}"
    grep -o 'merged for .*' "$work/err" >> "$work/merge"
done | median > "$work/many"
plain=$(cat "$work/plain") one=$(cat "$work/one") many=$(cat "$work/many")
awk -v u="$units" -v p="$plain" -v a="$one" -v b="$many" -v r="$RANKS" -v c="$(nproc)" 'BEGIN {
    printf "scan of %d frames, egnn, E3, 16 elements (median of runs, %d cores)\n", u, c
    printf "  1 process, %d threads : %6.2f s  %7.1f units/s\n", c, p, u / p
    printf "  1 rank (1 core)      : %6.2f s  %7.1f units/s\n", a, u / a
    printf "  %d ranks              : %6.2f s  %7.1f units/s\n", r, b, u / b
    printf "  speed-up of %d ranks: %.2fx over 1 rank, %.2fx over the plain process\n", r, a / b, p / b }'
echo "  rank 0 handing out and merging, per run: $(tr '\n' ';' < "$work/merge")"
