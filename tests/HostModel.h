#pragma once
// The base of the tests' own models: computed on the host in the dtype of its inputs, with
// nothing to move, cast, save or load. Subclasses write name() and forward().

#include "models/Model.h"

namespace equiscope::test {

class HostModel : public Model {
  public:
    const ModelSpec& spec() const override { return spec_; }
    void setDevice(DeviceKind) override {}
    void setFloat64(bool float64) override { float64_ = float64; }
    DeviceKind device() const override { return DeviceKind::Cpu; }
    bool float64() const override { return float64_; }
    void save(const std::string&) const override {}
    void load(const std::string&) override {}

  protected:
    ModelSpec spec_;

  private:
    bool float64_ = false;
};

} // namespace equiscope::test
