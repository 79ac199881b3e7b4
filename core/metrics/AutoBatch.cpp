#include "metrics/AutoBatch.h"

#include "util/MemoryProbe.h"

#include <algorithm>

namespace equiscope {

BatchBudget batchBudget(DeviceKind device) {
    if (device == DeviceKind::Cuda) {
        const int64_t free = freeCudaMemory();
        if (free > 0) return {free / 2, "half the free CUDA memory"};
        return {int64_t(1) << 30, "1 GiB (the free CUDA memory is unknown)"};
    }
    const int64_t cache = lastLevelCacheBytes();
    BatchBudget b{std::clamp(cache > 0 ? cache : kMinCpuBudget, kMinCpuBudget, kMaxCpuBudget),
                  "the last-level cache, within 8-64 MiB"};
    const int64_t available = availableHostMemory();
    if (available > 0 && available / 8 < b.bytes)
        b = {std::max<int64_t>(available / 8, 1), "an eighth of the available memory"};
    return b;
}

int autoBatchSize(int64_t bytesPerElement, const BatchBudget& budget) {
    if (bytesPerElement <= 0) return kMaxAutoBatch;
    const int64_t fits = std::clamp<int64_t>(budget.bytes / bytesPerElement, 1, kMaxAutoBatch);
    int batch = 1;
    while (2 * batch <= fits) batch *= 2;
    return batch;
}

} // namespace equiscope
