#pragma once
// How much memory LibTorch takes while a piece of work runs, and how much the machine
// has: what memory-aware batching needs.

#include <cstdint>
#include <functional>

namespace equiscope {

// Peak growth of LibTorch's allocations on the calling thread while `work` runs, in bytes,
// on the CPU and on CUDA (through the profiler's memory-reporting hook, which both
// allocators call). Allocations of LibTorch's worker threads are not seen.
struct PeakMemory {
    int64_t cpuBytes = 0, cudaBytes = 0;
};
PeakMemory measurePeakMemory(const std::function<void()>& work);

// MemAvailable of /proc/meminfo in bytes, or -1 when unknown.
int64_t availableHostMemory();
// The last-level cache of one CPU in bytes (sysconf), or -1 when unknown.
int64_t lastLevelCacheBytes();
// Free memory of the current CUDA device in bytes, or -1 when unknown (no CUDA runtime).
int64_t freeCudaMemory();

} // namespace equiscope
