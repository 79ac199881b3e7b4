#pragma once
// Process set-up every entry point calls once, before any model runs.

namespace equiscope {

// Sets LibTorch's intra-op thread count (Debian's LibTorch starts with one): `requested`
// when > 0, else EQUISCOPE_THREADS, else usableCores(). Keeps large freed blocks in
// the heap instead of returning them to the kernel: fresh pages cost more than the
// arithmetic (measured: most of an EGNN forward on 16k points went to page faults).
// Returns the thread count.
int configureRuntime(int requestedThreads = 0);

// The cores this process may run on (its CPU affinity): a SLURM task, an MPI rank bound to
// a core or a container pinned to a few cores of a big node gets those, not the node's.
int usableCores();

// The thread count configureRuntime set.
int configuredThreads();

// LibTorch's intra-op threads for the calling thread's work while it lives (at least one),
// then the configured count again: the app's drag previews leave a core to the renderer.
class ScopedTorchThreads {
  public:
    explicit ScopedTorchThreads(int threads);
    ~ScopedTorchThreads();
    ScopedTorchThreads(const ScopedTorchThreads&) = delete;
    ScopedTorchThreads& operator=(const ScopedTorchThreads&) = delete;
};

// LibTorch's version, e.g. "2.1.0" (for About boxes and reports).
const char* libtorchVersion();

} // namespace equiscope
