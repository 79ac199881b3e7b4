#!/usr/bin/env bash
# Configures and builds into build/ (or $EQUISCOPE_BUILD_DIR) with Ninja and ccache.
# Extra arguments go to CMake, e.g. scripts/build.sh -DEQUISCOPE_GUI=OFF
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${EQUISCOPE_BUILD_DIR:-build}"
# ccache hits across clones in other folders: paths are rewritten relative to here.
export CCACHE_BASEDIR="$PWD"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
cmake --build "$BUILD_DIR" -j"$(nproc)"
