#pragma once
// A deliberately slow model for worker tests: sleeps, then returns its positions.

#include "HostModel.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <torch/torch.h>

namespace equiscope::test {

class SlowModel : public HostModel {
  public:
    explicit SlowModel(int milliseconds) : delay_(milliseconds) {
        spec_.output = FieldType::Position;
        spec_.featureDim = 0;
    }
    std::string name() const override { return "slow"; }
    at::Tensor forward(const at::Tensor& pos, const at::Tensor&, const at::Tensor&) override {
        ++forwards;
        lastNodes = pos.size(-2);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_));
        return pos.clone();
    }

    std::atomic<int> forwards{0};
    std::atomic<int64_t> lastNodes{0}; // of the last forward

  private:
    int delay_;
};

} // namespace equiscope::test
