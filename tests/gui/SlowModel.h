#pragma once
// A deliberately slow model for worker tests: sleeps, then returns its positions.

#include "models/Model.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <torch/torch.h>

namespace equiscope::test {

class SlowModel : public Model {
  public:
    explicit SlowModel(int milliseconds) : delay_(milliseconds) {
        spec_.output = FieldType::Position;
        spec_.featureDim = 0;
    }
    std::string name() const override { return "slow"; }
    const ModelSpec& spec() const override { return spec_; }
    at::Tensor forward(const at::Tensor& pos, const at::Tensor&, const at::Tensor&) override {
        ++forwards;
        lastNodes = pos.size(-2);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_));
        return pos.clone();
    }
    void setDevice(DeviceKind) override {}
    void setFloat64(bool f) override { float64_ = f; }
    DeviceKind device() const override { return DeviceKind::Cpu; }
    bool float64() const override { return float64_; }
    void save(const std::string&) const override {}
    void load(const std::string&) override {}

    std::atomic<int> forwards{0};
    std::atomic<int64_t> lastNodes{0}; // of the last forward

  private:
    int delay_;
    bool float64_ = false;
    ModelSpec spec_;
};

} // namespace equiscope::test
