#pragma once
// The MPI world of a command started by mpirun / srun (built with EQUISCOPE_MPI only):
// initialised with MPI_THREAD_FUNNELED (only the main thread calls MPI), LibTorch's threads
// set to this rank's share of the node's cores, and, with CUDA, one device per rank of the
// node. Finalised when it goes.

#include <string>

namespace equiscope::cli {

class MpiWorld {
  public:
    MpiWorld();
    ~MpiWorld();
    MpiWorld(const MpiWorld&) = delete;
    MpiWorld& operator=(const MpiWorld&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }
    int localRank() const { return localRank_; } // among the ranks of this node
    int threads() const { return threads_; }

    // True on every rank when `ok` holds on every rank. Otherwise the lowest failing rank
    // prints its message as the command's one-line error, and every rank gets false.
    bool allOk(bool ok, const std::string& message, const char* command) const;
    // Ends every rank at once (a failure that leaves the others waiting).
    [[noreturn]] void abort(const std::string& message, const char* command) const;

  private:
    int rank_ = 0, size_ = 1, localRank_ = 0, localSize_ = 1, threads_ = 1;
};

} // namespace equiscope::cli
