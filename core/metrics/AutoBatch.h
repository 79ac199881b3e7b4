#pragma once
// Memory-aware batching (`--batch auto`, the default): the number of group elements per
// forward from one forward's measured peak memory and a budget per device.
//   CPU:  the last-level cache, clamped to [kMinCpuBudget, kMaxCpuBudget], and at most an
//         eighth of the available memory: batched intermediates that outgrow it fall out
//         of cache and the allocator's free lists (fresh pages cost more than the
//         arithmetic), so a bigger batch is no faster than a loop.
//   CUDA: half of the device's free memory (the rest for the allocator's fragmentation
//         and other work); an out-of-memory still halves the batch and retries.

#include "models/Device.h"

#include <cstdint>
#include <string>

namespace equiscope {

constexpr int kBatchAuto = -1;
constexpr int kMaxAutoBatch = 256; // a power of two
constexpr int64_t kMinCpuBudget = int64_t(8) << 20, kMaxCpuBudget = int64_t(64) << 20;

struct BatchBudget {
    int64_t bytes = 0;
    std::string source; // e.g. "L3 cache", "half the free CUDA memory"
};

BatchBudget batchBudget(DeviceKind device);
// Elements per forward: the largest power of two that fits the budget (a measurement a few
// percent off changes no batch), in [1, kMaxAutoBatch].
int autoBatchSize(int64_t bytesPerElement, const BatchBudget& budget);

} // namespace equiscope
