#include "util/Runtime.h"

#include <ATen/Parallel.h>
#include <cstdlib>
#include <malloc.h>
#include <thread>
#include <torch/version.h>

namespace equiscope {

int configureRuntime(int requested) {
    int n = requested;
    if (n <= 0) {
        if (const char* env = std::getenv("EQUISCOPE_THREADS")) n = std::atoi(env);
    }
    if (n <= 0) n = static_cast<int>(std::thread::hardware_concurrency());
    if (n <= 0) n = 1;
    at::set_num_threads(n);
    // 32 MiB is glibc's largest mmap threshold on 64-bit; models keep their temporaries
    // below it (EGNN processes edges in chunks) so that they are reused from the heap.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    return at::get_num_threads();
}

const char* libtorchVersion() {
    return TORCH_VERSION;
}

} // namespace equiscope
