#include "util/MemoryProbe.h"

#include <algorithm>
#include <c10/core/Allocator.h>
#include <c10/util/ThreadLocalDebugInfo.h>
#include <dlfcn.h>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

namespace equiscope {

namespace {

// Receives every allocation and free of this thread while installed; keeps the running
// sum and its peak per device.
class PeakReporter final : public c10::MemoryReportingInfoBase {
  public:
    // LibTorch 1.x passes the totals as int64_t, 2.x as size_t: one of the two overrides.
    void reportMemoryUsage(void*, int64_t size, int64_t, int64_t, c10::Device device) {
        record(size, device);
    }
    void reportMemoryUsage(void*, int64_t size, size_t, size_t, c10::Device device) {
        record(size, device);
    }
    bool memoryProfilingEnabled() const override { return true; }

    PeakMemory peak;

  private:
    void record(int64_t size, c10::Device device) {
        int64_t& now = device.is_cuda() ? cuda_ : cpu_;
        int64_t& top = device.is_cuda() ? peak.cudaBytes : peak.cpuBytes;
        now += size;
        top = std::max(top, now);
    }
    int64_t cpu_ = 0, cuda_ = 0;
};

} // namespace

PeakMemory measurePeakMemory(const std::function<void()>& work) {
    auto reporter = std::make_shared<PeakReporter>();
    {
        const c10::DebugInfoGuard guard(c10::DebugInfoKind::PROFILER_STATE, reporter);
        work();
    }
    return reporter->peak;
}

int64_t availableHostMemory() {
    std::ifstream in("/proc/meminfo");
    std::string key;
    int64_t kib = 0;
    std::string unit;
    while (in >> key >> kib >> unit)
        if (key == "MemAvailable:") return kib * 1024;
    return -1;
}

int64_t lastLevelCacheBytes() {
    for (const int name : {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE}) {
        const long bytes = sysconf(name);
        if (bytes > 0) return bytes;
    }
    return -1;
}

int64_t freeCudaMemory() {
    // The CUDA runtime is there when LibTorch was built with CUDA: looked up, not linked,
    // so that a CPU-only LibTorch builds and runs the same code.
    using MemGetInfo = int (*)(size_t*, size_t*);
    const auto get = reinterpret_cast<MemGetInfo>(dlsym(RTLD_DEFAULT, "cudaMemGetInfo"));
    size_t free = 0, total = 0;
    if (!get || get(&free, &total) != 0) return -1;
    return static_cast<int64_t>(free);
}

} // namespace equiscope
