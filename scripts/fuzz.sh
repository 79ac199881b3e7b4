#!/usr/bin/env bash
# scripts/fuzz.sh FORMAT [SECONDS] [LIBFUZZER OPTIONS...]: one libFuzzer campaign on one
# reader (default 60 s; 0: replay the corpus once, a quick regression check), from the
# committed seeds (tests/fuzz/seeds/FORMAT), our writers' output, the test fixtures and
# the real files of ../shared/data/real (read in place).
# FORMAT: ply off pcd npy npz xyz extxyz bvh tu edgelist graphml, or "all" (one after the
# other, SECONDS each). Builds with clang-14 into build-fuzz/ ($EQUISCOPE_FUZZ_BUILD_DIR).
# Findings land in build-fuzz/findings/FORMAT/ (crash-*, oom-*, timeout-*); replay one with
#   build-fuzz/bin/fuzz_FORMAT build-fuzz/findings/FORMAT/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
FORMATS="ply off pcd npy npz xyz extxyz bvh tu edgelist graphml"
format="${1:-}"
seconds="${2:-60}"
shift $(($# < 2 ? $# : 2))
if [[ -z "$format" || ! " $FORMATS all " =~ " $format " ]]; then
  echo "usage: scripts/fuzz.sh FORMAT [SECONDS] [libFuzzer options]; FORMAT: $FORMATS all" >&2
  exit 2
fi
BUILD="${EQUISCOPE_FUZZ_BUILD_DIR:-build-fuzz}"
REAL="${EQUISCOPE_REAL_DATA:-../shared/data/real}"
export CCACHE_BASEDIR="$PWD" CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -S . -B "$BUILD" -G Ninja -DEQUISCOPE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
fi
cmake --build "$BUILD" --target fuzzers -j"${EQUISCOPE_FUZZ_JOBS:-2}"

# Real files and fixtures of a format, by extension (TU: the MUTAG files joined by "%%").
seed_files() {
  case "$1" in
    ply|off|pcd) find "$REAL/pointclouds" tests/data/malformed -name "*.$1" 2>/dev/null ;;
    xyz) find "$REAL/pointclouds" -name "*.xyz" 2>/dev/null ;;
    extxyz) find "$REAL/trajectories" -name "*.xyz" 2>/dev/null ;;
    bvh) find "$REAL/trajectories" tests/data/malformed -name "*.bvh" 2>/dev/null ;;
    npy) find "$REAL/trajectories" tests/data/fixtures tests/data/malformed -name "*.npy" 2>/dev/null ;;
    npz) find tests/data/fixtures tests/data/malformed -name "*.npz" 2>/dev/null ;;
    edgelist) find "$REAL/graphs" -name "*.edgelist" 2>/dev/null ;;
    graphml) find "$REAL/graphs" tests/data/malformed -name "*.graphml" 2>/dev/null ;;
  esac
}

run_one() {
  local f="$1" corpus="$BUILD/corpus/$1" findings="$BUILD/findings/$1"
  shift
  mkdir -p "$corpus" "$findings" "$BUILD/seeds"
  "$BUILD/bin/fuzz_seeds" "$BUILD/seeds"
  cp -n tests/fuzz/seeds/"$f"/* "$corpus"/ 2>/dev/null || true
  [[ -d "$BUILD/seeds/$f" ]] && cp -n "$BUILD/seeds/$f"/* "$corpus"/
  while read -r s; do [[ -n "$s" ]] && cp -n "$s" "$corpus/"; done < <(seed_files "$f")
  if [[ "$f" == tu && -d "$REAL/graphs/MUTAG" ]]; then
    local m="$REAL/graphs/MUTAG/MUTAG"
    { cat "$m"_graph_indicator.txt; printf '\n%%%%\n'; head -200 "$m"_A.txt; } >"$corpus/mutag.txt"
  fi
  echo "== fuzz_$f: $seconds s, corpus $corpus ($(ls "$corpus" | wc -l) inputs)"
  # One process; -malloc_limit_mb above the harness's 256 MB read budget: an allocation the
  # budget does not see is reported (oom-*), as are hangs over 10 s (timeout-*).
  local length=(-max_total_time="$seconds")
  [[ "$seconds" == 0 ]] && length=(-runs=0) # replay the corpus once, no mutation
  nice -n 10 "$BUILD/bin/fuzz_$f" "$corpus" -dict="tests/fuzz/dict/$f.dict" \
    "${length[@]}" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
    -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 "$@"
}

# "all" goes on after a finding and fails at the end; one format fails at its finding.
if [[ "$format" == all ]]; then
  status=0
  for f in $FORMATS; do run_one "$f" "$@" || { status=1; echo "== fuzz_$f: FINDING"; }; done
  exit "$status"
else
  run_one "$format" "$@"
fi
