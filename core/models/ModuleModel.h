#pragma once
// Base of the built-in models: a torch::nn::Module plus the Model plumbing (device,
// dtype, weights saved with the model's name and options). Includes torch: for model
// .cpp files only.

#include "models/Layers.h"
#include "models/Model.h"

namespace equiscope {

class ModuleModel : public Model {
  public:
    ModuleModel(std::string name, ModelSpec spec, ModelOptions options,
                std::shared_ptr<torch::nn::Module> module);

    std::string name() const override { return name_; }
    const ModelSpec& spec() const override { return spec_; }
    void setDevice(DeviceKind device) override;
    void setFloat64(bool float64) override;
    DeviceKind device() const override { return device_; }
    bool float64() const override { return float64_; }
    void save(const std::string& path) const override;
    void load(const std::string& path) override;
    torch::nn::Module* trainableModule() override { return module_.get(); }

  protected:
    torch::TensorOptions options() const {
        return tensorOptionsFor(float64_, device_ == DeviceKind::Cuda);
    }
    ModelSpec spec_;

  private:
    std::string name_;
    ModelOptions options_;
    std::shared_ptr<torch::nn::Module> module_;
    DeviceKind device_ = DeviceKind::Cpu;
    bool float64_ = false;
};

} // namespace equiscope
