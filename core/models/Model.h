#pragma once
// A model as the tool sees it: built-in (plugins) or a user's TorchScript file, behind
// one interface. Tensors are forward-declared so this header stays light.

#include "models/Device.h"
#include "models/ModelSpec.h"

#include <map>
#include <memory>
#include <string>

namespace at {
class Tensor;
}
namespace torch::nn {
class Module;
}

namespace equiscope {

using ModelOptions = std::map<std::string, std::string>;
// The option that names a trained weights file, loaded after the model is made.
inline constexpr const char* kWeightsOption = "weights";

class Model {
  public:
    virtual ~Model() = default;
    virtual std::string name() const = 0;
    virtual const ModelSpec& spec() const = 0;

    // pos [B,N,3] and feat [B,N,F] in the model's dtype on its device; edgeIndex [2,E]
    // int64 shared by the batch, or an undefined tensor. Returns [B,N,C] (per node) or
    // [B,C] (per graph).
    virtual at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                               const at::Tensor& edgeIndex) = 0;

    virtual void setDevice(DeviceKind device) = 0;
    virtual void setFloat64(bool float64) = 0; // float32 otherwise
    virtual DeviceKind device() const = 0;
    virtual bool float64() const = 0;

    virtual void save(const std::string& path) const = 0;
    virtual void load(const std::string& path) = 0;

    // Optional extras (model-format.md "Optional methods"); empty when absent.
    virtual std::map<std::string, double> symmetryLevels() { return {}; }
    // Part probabilities [B,N,K] for pos [B,N,3] and feat [B,N,F] (rows sum to 1), when the
    // model predicts a partition (hasPartition()); otherwise it throws Error.
    virtual bool hasPartition() const { return false; }
    virtual at::Tensor partition(const at::Tensor& pos, const at::Tensor& feat);
    // What the last forward found worth reporting (e.g. frame-averaging eigen-gaps).
    virtual std::map<std::string, std::string> diagnostics() const { return {}; }
    // The weights a generic trainer may update (the classifier training of issue 16), or
    // null when the model has none it exposes (TorchScript models).
    virtual torch::nn::Module* trainableModule() { return nullptr; }
};

} // namespace equiscope
