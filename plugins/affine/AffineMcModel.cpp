// affine_mc: a backbone averaged over K elements of GL+(3) or SL(3) drawn from the
// decomposition measure of methods.md section 5 (g = expm(X/2) R: R Haar, X symmetric
// Gaussian, traceless for SL3): f(X) = (1/K) sum_k Phi(X g_k^T). For Aff3 the input is
// centred first, which removes translations exactly. The K elements are drawn once from
// `sample_seed`, so every forward uses the same ones and results are reproducible. The
// invariance is approximate: the Monte Carlo error falls as K grows, down to the bias
// left by a measure that is not invariant under stretches (no probability measure is).

#include "BuiltinModels.h"
#include "affine/CopyAverage.h"
#include "groups/Decomposition.h"
#include "models/WrappedModel.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <algorithm>
#include <torch/torch.h>

namespace equiscope {

namespace {

class AffineMcModel : public WrappedModel {
  public:
    AffineMcModel(std::unique_ptr<Model> backbone, std::string group, int samples, double variance,
                  uint64_t seed)
        : WrappedModel(std::move(backbone)), group_(std::move(group)) {
        spec_ = backbone_->spec();
        if (spec_.output != FieldType::Scalar)
            throw Error("affine_mc: the backbone must have a scalar (invariant) output");
        spec_.symmetries = {"Perm"}; // approximately group_, never exactly
        Rng rng(seed);
        elements_ = torch::empty({samples, 3, 3}, torch::kFloat64);
        auto ea = elements_.accessor<double, 3>();
        for (int k = 0; k < samples; ++k) {
            const Eigen::Matrix3d g = sampleLinearPair(rng, variance, group_ == "SL3").element;
            conditions_.push_back(conditionNumber(g));
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j) ea[k][i][j] = g(i, j);
        }
        std::sort(conditions_.begin(), conditions_.end());
    }

    std::string name() const override { return "affine_mc(" + backbone_->name() + ")"; }
    const ModelSpec& spec() const override { return spec_; }

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override {
        const torch::Tensor x = group_ == "Aff3" ? pos - pos.mean(1, true) : pos;
        return averageOverCopies(*backbone_,
                                 torch::einsum("bnj,kij->bkni", {x, elements_.to(pos.options())}),
                                 feat, edgeIndex);
    }

    std::map<std::string, std::string> diagnostics() const override {
        return {{"group samples", std::to_string(conditions_.size()) + " from " + group_},
                {"their condition numbers (min, median, max)",
                 std::to_string(conditions_.front()) + ", " +
                     std::to_string(conditions_[conditions_.size() / 2]) + ", " +
                     std::to_string(conditions_.back())}};
    }

  private:
    std::string group_;
    ModelSpec spec_;
    torch::Tensor elements_; // [K, 3, 3] float64
    std::vector<double> conditions_;
};

} // namespace

void registerAffineMc(ModelRegistry& registry) {
    const ModelRegistry* models = &registry;
    registry.add(
        {"affine_mc",
         "a backbone averaged over K elements of GL+(3) / SL(3) sampled through the "
         "decomposition g = expm(X/2) R (Aff3: centred first); approximately invariant",
         {{"group", "Aff3", "Aff3, GL3 or SL3"},
          {"samples", "16", "K, group elements averaged over"},
          {"variance", "0.1", "variance of the symmetric log-stretch X's diagonal entries"},
          {"sample_seed", "0", "seed of the K elements (fixed for every forward)"},
          {"backbone", "pointnet", "any registered model with a scalar output"},
          {"hidden", "64", "backbone option, when it has it"},
          {"width", std::to_string(kShapeClasses), "backbone option (output channels)"},
          {"feature_dim", "0", "backbone option, when it has it"},
          {"neighbours", "0", "backbone option, when it has it"},
          {"seed", "0", "backbone option, when it has it"}},
         {"Perm"},
         [models](const ModelOptions& o) -> std::unique_ptr<Model> {
             const OptionReader r("affine_mc", o);
             const double variance = r.number("variance");
             if (!(variance >= 0 && variance <= 10))
                 throw Error("affine_mc: variance must be in [0, 10]");
             return std::make_unique<AffineMcModel>(
                 createBackbone(*models, "affine_mc", o), r.choice("group", {"Aff3", "GL3", "SL3"}),
                 static_cast<int>(r.integer("samples", 1, 4096)), variance,
                 static_cast<uint64_t>(r.integer("sample_seed", 0, INT64_MAX)));
         }});
}

} // namespace equiscope
