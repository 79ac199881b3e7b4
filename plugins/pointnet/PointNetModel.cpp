// pointnet: a shared per-point MLP, max-pooled over the points, then an MLP: invariant to
// node permutations and to nothing geometric. With neighbours=k the shared MLP sees each
// point with the offset to each of its k nearest points (DGCNN's edge features), so that
// it can tell shapes apart by local relations such as a helix's handedness, which no
// function of single points can once the helix may be turned about its axis.

#include "BuiltinModels.h"
#include "models/ModuleModel.h"

namespace equiscope {

namespace {

struct PointNetNet : torch::nn::Module {
    torch::nn::Sequential point{nullptr}, head{nullptr};
    int64_t neighbours = 0;
    PointNetNet(int64_t in, int64_t hidden, int64_t out, int64_t k) : neighbours(k) {
        point = register_module("point", makeMlp({in + (k > 0 ? 3 : 0), hidden, hidden}));
        head = register_module("head", makeMlp({hidden, hidden, out}));
    }
};

// [B, N, k, in + 3]: each point's input beside the offset to each of its k nearest points.
torch::Tensor edgeInputs(const torch::Tensor& pos, const torch::Tensor& in, int64_t k) {
    const int64_t b = pos.size(0), n = pos.size(1);
    if (n < 2) // no other point: a zero offset
        return torch::cat({in.unsqueeze(2), torch::zeros({b, n, 1, 3}, pos.options())}, -1);
    k = std::min(k, n - 1);
    const torch::Tensor nearest =
        std::get<1>(torch::cdist(pos, pos).topk(k + 1, -1, false)).slice(2, 1); // not itself
    const torch::Tensor gathered =
        pos.gather(1, nearest.reshape({b, n * k, 1}).expand({b, n * k, 3})).view({b, n, k, 3});
    return torch::cat({in.unsqueeze(2).expand({b, n, k, in.size(-1)}), gathered - pos.unsqueeze(2)},
                      -1);
}

class PointNetModel : public ModuleModel {
  public:
    PointNetModel(ModelSpec spec, const ModelOptions& options, std::shared_ptr<PointNetNet> net)
        : ModuleModel("pointnet", std::move(spec), options, net), net_(std::move(net)) {}

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) override {
        const at::Tensor f =
            feat.size(-1) > 0 ? feat : torch::ones({pos.size(0), pos.size(1), 1}, pos.options());
        const at::Tensor in = torch::cat({pos, f}, -1);
        if (net_->neighbours > 0) {
            const at::Tensor perEdge = net_->point->forward(edgeInputs(pos, in, net_->neighbours));
            return net_->head->forward(std::get<0>(perEdge.flatten(1, 2).max(1)));
        }
        const at::Tensor perPoint = net_->point->forward(in);
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
                   {"neighbours", "0", "k: edge features to the k nearest points (0: none)"},
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
                              return std::make_shared<PointNetNet>(
                                  3 + std::max(spec.featureDim, 1), r.integer("hidden", 1, 65536),
                                  spec.outputWidth, r.integer("neighbours", 0, 64));
                          });
                      return std::make_unique<PointNetModel>(spec, o, net);
                  }});
}

} // namespace equiscope
