#!/usr/bin/env bash
# Installs the Debian 12 packages EquiScope builds and tests with. Idempotent: only
# missing packages are installed. Needs root (uses sudo when not root).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libgl-dev libgl1-mesa-dri
  libqt6svg6                     # the SVG icon engine for resources/icons
  libvtk9-dev libtorch-dev libeigen3-dev nlohmann-json3-dev zlib1g-dev libpugixml-dev
  libopenblas0-openmp            # LibTorch's BLAS: the reference BLAS is 20-45x slower
  libtcmalloc-minimal4           # the executables' allocator: keeps freed blocks (README "Memory")
  libopenmpi-dev openmpi-bin     # mpirun equiscope-cli scan (VTK pulls the library in already)
  xvfb xauth                     # headless GL for the GUI tests
  python3-numpy                  # regenerates test fixtures (tests/data/*.py)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
