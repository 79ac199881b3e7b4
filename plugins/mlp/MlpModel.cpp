// mlp: a per-node MLP on raw coordinates (and features). Permutation-equivariant, and
// deliberately nothing else: the negative control of every equivariance demo.

#include "BuiltinModels.h"
#include "models/ModuleModel.h"

namespace equiscope {

namespace {

struct MlpNet : torch::nn::Module {
    torch::nn::Sequential net{nullptr};
    MlpNet(int64_t in, int64_t hidden, int64_t layers, int64_t out) {
        std::vector<int64_t> sizes{in};
        for (int64_t i = 1; i < layers; ++i) sizes.push_back(hidden);
        sizes.push_back(out);
        net = register_module("net", makeMlp(sizes));
    }
};

class MlpModel : public ModuleModel {
  public:
    MlpModel(ModelSpec spec, const ModelOptions& options, std::shared_ptr<MlpNet> net)
        : ModuleModel("mlp", std::move(spec), options, net), net_(std::move(net)) {}

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) override {
        const at::Tensor f =
            feat.size(-1) > 0 ? feat : torch::ones({pos.size(0), pos.size(1), 1}, pos.options());
        const at::Tensor y = net_->net->forward(torch::cat({pos, f}, -1));
        return spec_.output == FieldType::Position ? pos + y : y;
    }

  private:
    std::shared_ptr<MlpNet> net_;
};

} // namespace

void registerMlp(ModelRegistry& registry) {
    registry.add(
        {"mlp",
         "per-node MLP on coordinates and features; not equivariant to any geometric group "
         "(negative control)",
         {{"hidden", "64", "hidden width"},
          {"layers", "3", "number of linear layers"},
          {"output", "position", "position (x + MLP), vector, or scalar"},
          {"width", "1", "channels of a scalar output"},
          {"feature_dim", "0", "F, feature channels (0: none)"},
          {"seed", "0", "seed of the initial weights"}},
         {"Perm"},
         [](const ModelOptions& o) -> std::unique_ptr<Model> {
             const OptionReader r("mlp", o);
             ModelSpec spec;
             spec.output =
                 *fieldTypeFromString(r.choice("output", {"position", "vector", "scalar"}));
             spec.featureDim = static_cast<int>(r.integer("feature_dim", 0, 4096));
             spec.outputWidth = spec.output == FieldType::Scalar
                                    ? static_cast<int>(r.integer("width", 1, 4096))
                                    : 0;
             spec.symmetries = {"Perm"};
             const int64_t in = 3 + std::max(spec.featureDim, 1);
             auto net = buildSeeded(static_cast<uint64_t>(r.integer("seed", 0, INT64_MAX)), [&] {
                 return std::make_shared<MlpNet>(in, r.integer("hidden", 1, 65536),
                                                 r.integer("layers", 1, 64), spec.channels());
             });
             return std::make_unique<MlpModel>(spec, o, net);
         }});
}

} // namespace equiscope
