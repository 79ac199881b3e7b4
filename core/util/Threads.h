#pragma once
// LibTorch starts with one intra-op thread on Debian; every entry point calls this once.

namespace equiscope {

// Sets LibTorch's intra-op thread count: `requested` when > 0, else EQUISCOPE_THREADS,
// else the number of hardware threads. Returns the count in effect.
int configureTorchThreads(int requested = 0);

} // namespace equiscope
