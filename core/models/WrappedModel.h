#pragma once
// Base of models that wrap another registered model (frame averaging, TinvNN): device,
// dtype and weights are the backbone's.

#include "models/ModelRegistry.h"

#include <memory>

namespace equiscope {

class WrappedModel : public Model {
  public:
    explicit WrappedModel(std::unique_ptr<Model> backbone) : backbone_(std::move(backbone)) {}

    void setDevice(DeviceKind device) override { backbone_->setDevice(device); }
    void setFloat64(bool float64) override { backbone_->setFloat64(float64); }
    DeviceKind device() const override { return backbone_->device(); }
    bool float64() const override { return backbone_->float64(); }
    void save(const std::string& path) const override { backbone_->save(path); }
    void load(const std::string& path) override { backbone_->load(path); }
    torch::nn::Module* trainableModule() override { return backbone_->trainableModule(); }

  protected:
    std::unique_ptr<Model> backbone_;
};

// The backbone named by option "backbone", created with the wrapper's options that the
// backbone also has. Throws Error for an unknown backbone or the wrapper itself.
std::unique_ptr<Model> createBackbone(const ModelRegistry& registry, const std::string& wrapper,
                                      const ModelOptions& options);

} // namespace equiscope
