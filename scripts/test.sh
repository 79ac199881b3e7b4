#!/usr/bin/env bash
# The whole test suite from a fresh Debian 12 machine: install, build, run every test
# headless under Xvfb, and check that the Qt-free configuration (core + plugins + CLI,
# as on GPU boxes) still builds and runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$(nproc)}"

scripts/build.sh
EQUISCOPE_BUILD_DIR=build-core scripts/build.sh -DEQUISCOPE_GUI=OFF
build-core/bin/equiscope-cli info demo --json > /dev/null
echo "Qt-free build: equiscope-cli runs"

xvfb-run -a -s '-screen 0 1600x1000x24' ctest --test-dir build --output-on-failure
