#!/usr/bin/env bash
# Extended-XYZ read speed: EquiScope's reader vs ase.io.read(FILE, ':') on the same file,
# same machine, one run; prints both medians and the ratio.
#   bench/run_extxyz_bench.sh [build-dir] [file]
set -euo pipefail
BUILD="${1:-build}"
FILE="${2:-$(dirname "$0")/../../shared/data/real/trajectories/3bpa_train_300K.xyz}"
PYTHON="${PYTHON:-/usr/bin/python3}"
cpp=$("$BUILD/bin/bench_read" "$FILE" 15 | tee /dev/stderr | awk '/READ_MEDIAN_SECONDS/ {print $2}')
py=$("$PYTHON" "$(dirname "$0")/python_ase_read.py" "$FILE" 7 | tee /dev/stderr | awk '/ASE_MEDIAN_SECONDS/ {print $2}')
awk -v c="$cpp" -v p="$py" 'BEGIN { printf "ratio ASE / EquiScope (medians): %.1fx\n", p / c }'
