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
# LibTorch's precompiled header (cmake/EquiScopeTorchPch.cmake) is cached only with these.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@"
cmake --build "$BUILD_DIR" -j"$(nproc)"
