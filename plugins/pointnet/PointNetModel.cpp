// pointnet: a shared per-point MLP, max-pooled over the points, then an MLP: invariant to
// node permutations and to nothing geometric.

#include "BuiltinModels.h"
#include "models/ModuleModel.h"

namespace equiscope {

namespace {

struct PointNetNet : torch::nn::Module {
    torch::nn::Sequential point{nullptr}, head{nullptr};
    PointNetNet(int64_t in, int64_t hidden, int64_t out) {
        point = register_module("point", makeMlp({in, hidden, hidden}));
        head = register_module("head", makeMlp({hidden, hidden, out}));
    }
};

class PointNetModel : public ModuleModel {
  public:
    PointNetModel(ModelSpec spec, const ModelOptions& options, std::shared_ptr<PointNetNet> net)
        : ModuleModel("pointnet", std::move(spec), options, net), net_(std::move(net)) {}

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) override {
        const at::Tensor f =
            feat.size(-1) > 0 ? feat : torch::ones({pos.size(0), pos.size(1), 1}, pos.options());
        const at::Tensor perPoint = net_->point->forward(torch::cat({pos, f}, -1));
        return net_->head->forward(std::get<0>(perPoint.max(1)));
    }

  private:
    std::shared_ptr<PointNetNet> net_;
};

} // namespace

void registerPointNet(ModelRegistry& registry) {
    registry.add({"pointnet",
                  "PointNet: shared point MLP, max pool, head; a per-graph scalar output invariant "
                  "to permutations only",
                  {{"hidden", "64", "hidden width"},
                   {"width", "4", "output channels"},
                   {"feature_dim", "0", "F, feature channels (0: none)"},
                   {"seed", "0", "seed of the initial weights"}},
                  {"Perm"},
                  [](const ModelOptions& o) -> std::unique_ptr<Model> {
                      const OptionReader r("pointnet", o);
                      ModelSpec spec;
                      spec.output = FieldType::Scalar;
                      spec.perNode = false;
                      spec.featureDim = static_cast<int>(r.integer("feature_dim", 0, 4096));
                      spec.outputWidth = static_cast<int>(r.integer("width", 1, 4096));
                      spec.symmetries = {"Perm"};
                      auto net =
                          buildSeeded(static_cast<uint64_t>(r.integer("seed", 0, INT64_MAX)), [&] {
                              return std::make_shared<PointNetNet>(3 + std::max(spec.featureDim, 1),
                                                                   r.integer("hidden", 1, 65536),
                                                                   spec.outputWidth);
                          });
                      return std::make_unique<PointNetModel>(spec, o, net);
                  }});
}

} // namespace equiscope
