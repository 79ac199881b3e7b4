#include "util/Runtime.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <malloc.h>
#include <sched.h>
#include <thread>
#include <torch/version.h>

namespace equiscope {

namespace {
std::atomic<int> configured{0};
} // namespace

int usableCores() {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

int configureRuntime(int requested) {
    int n = requested;
    if (n <= 0) {
        if (const char* env = std::getenv("EQUISCOPE_THREADS")) n = std::atoi(env);
    }
    if (n <= 0) n = usableCores();
    if (n <= 0) n = 1;
    at::set_num_threads(n);
    // For glibc's malloc (our executables link tcmalloc where found, which ignores these):
    // 32 MiB is its largest mmap threshold on 64-bit; models keep their temporaries below
    // it (EGNN processes edges in chunks) so that they are reused from the heap.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    configured = at::get_num_threads();
    return configured;
}

int configuredThreads() {
    return configured > 0 ? configured.load() : at::get_num_threads();
}

ScopedTorchThreads::ScopedTorchThreads(int threads) {
    at::set_num_threads(std::max(1, threads));
}

ScopedTorchThreads::~ScopedTorchThreads() {
    at::set_num_threads(configuredThreads());
}

const char* libtorchVersion() {
    return TORCH_VERSION;
}

} // namespace equiscope
