// tinvnn: transformation-invariant initial representations (methods.md section 4, Zhang
// et al.): the MDS embedding Z of the centred points feeds any backbone in place of xyz.
// Z = Xc V equals classical MDS (top-3 eigenvectors of -J D J / 2 scaled by sqrt(lambda))
// up to each column's sign; the sign is fixed so that sum_i z_ik^3 > 0 (the proposal in
// methods.md, unconfirmed as TinvNN's own rule). Optional scale normalisation divides Z
// by its RMS radius. Z depends on X only through pairwise distances, so every output is
// E(3)-invariant (and scale-invariant with normalisation) while the sign margins stay
// away from 0; the margins are reported as diagnostics.

#include "BuiltinModels.h"
#include "models/Layers.h"
#include "models/PcaFrame.h"
#include "models/WrappedModel.h"
#include "util/Error.h"

#include <sstream>

namespace equiscope {

namespace {

class TinvnnModel : public WrappedModel {
  public:
    TinvnnModel(std::unique_ptr<Model> backbone, bool normalizeScale)
        : WrappedModel(std::move(backbone)), normalizeScale_(normalizeScale) {
        spec_ = backbone_->spec();
        if (spec_.output != FieldType::Scalar)
            throw Error("tinvnn: the backbone must give scalar outputs (set output=scalar); TinvNN "
                        "is invariant");
        spec_.symmetries = {"E3", "Perm"};
        if (normalizeScale_) spec_.symmetries.push_back("Scale");
    }

    std::string name() const override { return "tinvnn(" + backbone_->name() + ")"; }
    const ModelSpec& spec() const override { return spec_; }

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override {
        return backbone_->forward(embedding(pos), feat, edgeIndex);
    }

    // The sign-fixed MDS coordinates [B,N,3], largest principal axis first.
    torch::Tensor embedding(const at::Tensor& pos) {
        const std::vector<PcaFrame> frames = pcaFrames(pos, true);
        const int64_t b = pos.size(0);
        torch::Tensor v = torch::empty({b, 3, 3}, torch::kFloat64),
                      t = torch::empty({b, 3}, torch::kFloat64);
        auto va = v.accessor<double, 3>();
        auto ta = t.accessor<double, 2>();
        for (int64_t e = 0; e < b; ++e) {
            const PcaFrame& f = frames[static_cast<std::size_t>(e)];
            for (int i = 0; i < 3; ++i) {
                ta[e][i] = f.centroid(i);
                for (int j = 0; j < 3; ++j)
                    va[e][i][j] = f.axes(i, 2 - j); // descending eigenvalues
            }
        }
        const torch::Tensor xc = (pos - t.to(pos.options()).unsqueeze(1));
        torch::Tensor z = torch::einsum("bnj,bjk->bnk", {xc, v.to(pos.options())});
        // Sign rule on float64 values: flip column k when sum_i z_ik^3 < 0.
        const torch::Tensor z64 = z.detach().to(torch::kFloat64);
        const torch::Tensor cubes = z64.pow(3).sum(1),
                            scale = z64.abs().pow(3).sum(1).clamp_min(1e-300);
        margin_ = (cubes.abs() / scale).min().item<double>();
        const torch::Tensor signs = torch::where(cubes < 0, -1.0, 1.0).to(pos.options());
        z = z * signs.unsqueeze(1);
        if (normalizeScale_)
            z = z / z.pow(2).sum(-1).mean(1, true).sqrt().clamp_min(1e-12).unsqueeze(-1);
        return z;
    }

    std::map<std::string, std::string> diagnostics() const override {
        return {{"smallest sign margin", std::to_string(margin_)},
                {"signs", margin_ > 1e-3 ? "decided" : "near a flip: invariance may break"}};
    }

  private:
    bool normalizeScale_;
    ModelSpec spec_;
    double margin_ = 0;
};

} // namespace

void registerTinvnn(ModelRegistry& registry) {
    const ModelRegistry* models = &registry;
    registry.add({"tinvnn",
                  "TinvNN: sign-fixed MDS coordinates (E(3)-invariant) feeding any backbone with "
                  "scalar outputs",
                  {{"backbone", "mlp", "any registered model with scalar outputs"},
                   {"normalize_scale", "false",
                    "divide the embedding by its RMS radius (adds Scale invariance)"},
                   {"hidden", "64", "backbone option, when it has it"},
                   {"layers", "3", "backbone option, when it has it"},
                   {"output", "scalar", "backbone option, when it has it"},
                   {"width", "4", "backbone option, when it has it"},
                   {"feature_dim", "0", "backbone option, when it has it"},
                   {"seed", "0", "backbone option, when it has it"}},
                  {"E3", "Perm"},
                  [models](const ModelOptions& o) -> std::unique_ptr<Model> {
                      const OptionReader r("tinvnn", o);
                      return std::make_unique<TinvnnModel>(createBackbone(*models, "tinvnn", o),
                                                           r.flag("normalize_scale"));
                  }});
}

} // namespace equiscope
