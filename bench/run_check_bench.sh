#!/usr/bin/env bash
# Batched C++ check vs 64 single forwards vs the Python loop, same model, points and
# machine, one run; prints every median and the ratios.
#   bench/run_check_bench.sh [build-dir] [points] [device]
set -euo pipefail
BUILD="${1:-build}" POINTS="${2:-2000}" DEVICE="${3:-cpu}"
PYTHON="${PYTHON:-/usr/bin/python3}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# bench_check writes the model and the points it used, so both sides see the same ones.
"$BUILD/bin/bench_check" --points "$POINTS" --device "$DEVICE" --save-model "$work/model.pt" --dump-points "$work/points.npy" | tee "$work/cpp.txt"
"$PYTHON" "$(dirname "$0")/python_equivariance_loop.py" "$work/model.pt" "$work/points.npy" | tee "$work/py.txt"
cpp=$(awk '/BATCHED_MEDIAN_SECONDS/ {print $2}' "$work/cpp.txt")
py=$(awk '/PYTHON_MEDIAN_SECONDS/ {print $2}' "$work/py.txt")
awk -v c="$cpp" -v p="$py" 'BEGIN { printf "ratio python loop / C++ batched (medians): %.1fx\n", p / c }'
