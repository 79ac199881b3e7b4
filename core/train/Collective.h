#pragma once
// The processes a training runs on, as the trainers see them: MPI ranks when the CLI runs
// under mpirun (app/cli/MpiCollective), one process otherwise. core/ itself links no MPI.

#include <cstddef>

namespace equiscope {

class Collective {
  public:
    virtual ~Collective() = default;
    virtual int rank() const = 0;
    virtual int size() const = 0;
    // Every rank's `values` replaced by the element-wise sum over the ranks.
    virtual void allReduceSum(double* values, std::size_t count) = 0;
    // Every rank's `values` replaced by rank 0's.
    virtual void broadcastFromRoot(double* values, std::size_t count) = 0;

    bool root() const { return rank() == 0; }
    bool distributed() const { return size() > 1; }
};

// Rank 0 of 1: sums and broadcasts leave the values as they are.
Collective& singleProcess();

} // namespace equiscope
