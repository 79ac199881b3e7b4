#pragma once
// core/train's Collective over MPI_COMM_WORLD (built with EQUISCOPE_MPI only).

#include "train/Collective.h"

namespace equiscope::cli {

class MpiCollective final : public Collective {
  public:
    int rank() const override;
    int size() const override;
    void allReduceSum(double* values, std::size_t count) override;
    void broadcastFromRoot(double* values, std::size_t count) override;
};

} // namespace equiscope::cli
