#!/usr/bin/env bash
# The allocator's effect on `check`, same model, points and elements, one run: bench_check
# as our executables are linked (tcmalloc, cmake/EquiScopeAllocator.cmake) against the same
# program with the system's malloc. The case of issue 14: a TorchScript EGNN, fully
# connected, 4 layers, on 256 points, 64 E3 elements.
#   bench/run_allocator_bench.sh [build-dir] [points] [elements]
set -euo pipefail
BUILD="${1:-build}" POINTS="${2:-256}" ELEMENTS="${3:-64}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BUILD/bin/bench_check" --scripted egnn_fc --points "$POINTS" --elements 1 --repeats 1 \
    --save-model "$work/egnn_fc.pt" > /dev/null
for bin in bench_check bench_check_system_malloc; do
    allocator=$(readelf -d "$BUILD/bin/$bin" | grep -q 'NEEDED.*tcmalloc' && echo tcmalloc || echo "system malloc")
    echo "== $bin ($allocator)"
    "$BUILD/bin/$bin" --model "$work/egnn_fc.pt" --points "$POINTS" --elements "$ELEMENTS" \
        --repeats 3 | tee "$work/$bin.txt" | grep -v '_SECONDS\|_FRACTION'
done
fast=$(awk '/BATCHED_MEDIAN_SECONDS/ {print $2}' "$work/bench_check.txt")
slow=$(awk '/BATCHED_MEDIAN_SECONDS/ {print $2}' "$work/bench_check_system_malloc.txt")
awk -v f="$fast" -v s="$slow" 'BEGIN { printf "batched check, system malloc / tcmalloc (medians): %.2fx\n", s / f }'
