// affine_fa: exact invariance under Aff(3) = GL+(3) x R^3 by canonicalisation (issue 16).
// Centre on the centroid t and whiten by W = (C/N)^{-1/2}, C the scatter matrix: an affine
// image A X + b of the input whitens to the same cloud turned by a rotation Q (a reflection
// too when det A < 0). The whitened cloud Y has unit covariance, so its frame for frame
// averaging (methods.md section 3) is the PCA frame of the fourth moment
// sum_i |y_i|^2 y_i y_i^T, i.e. of the points |y| y; the backbone is averaged over its 4
// proper sign frames (8 with reflections=1): mean_s Phi((X - t) W R_s).

#include "BuiltinModels.h"
#include "affine/CopyAverage.h"
#include "models/PcaFrame.h"
#include "models/WrappedModel.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <algorithm>
#include <sstream>
#include <torch/torch.h>

namespace equiscope {

namespace {

std::string text(const Eigen::Vector3d& v) {
    std::ostringstream s;
    s.precision(6);
    s << v.transpose();
    return s.str();
}

// The centroids t [B, 1, 3] and whitening matrices W = (C/N)^{-1/2} [B, 3, 3] (float64,
// CPU) from the scatter frames. A flat cloud (diagnosed) is whitened as if its thickness
// were 1e-6 of its width, so that outputs stay finite.
std::pair<torch::Tensor, torch::Tensor> whitening(const std::vector<PcaFrame>& scatter, int64_t n) {
    const auto b = static_cast<int64_t>(scatter.size());
    torch::Tensor w = torch::empty({b, 3, 3}, torch::kFloat64),
                  t = torch::empty({b, 1, 3}, torch::kFloat64);
    auto wa = w.accessor<double, 3>();
    auto ta = t.accessor<double, 3>();
    for (int64_t e = 0; e < b; ++e) {
        const PcaFrame& f = scatter[static_cast<std::size_t>(e)];
        const double floor = std::max(f.eigenvalues(2) * 1e-12, 1e-300);
        const Eigen::Vector3d inverseRoot =
            (static_cast<double>(n) / f.eigenvalues.array().max(floor)).sqrt();
        const Eigen::Matrix3d we = f.axes * inverseRoot.asDiagonal() * f.axes.transpose();
        for (int i = 0; i < 3; ++i) {
            ta[e][0][i] = f.centroid(i);
            for (int j = 0; j < 3; ++j) wa[e][i][j] = we(i, j);
        }
    }
    return {w, t};
}

class AffineFaModel : public WrappedModel {
  public:
    AffineFaModel(std::unique_ptr<Model> backbone, bool reflections)
        : WrappedModel(std::move(backbone)), reflections_(reflections) {
        spec_ = backbone_->spec();
        if (spec_.output != FieldType::Scalar)
            throw Error("affine_fa: the backbone must have a scalar (invariant) output");
        spec_.symmetries = {"Aff3", "Perm"};
        if (reflections_) spec_.symmetries.push_back("O3");
    }

    std::string name() const override { return "affine_fa(" + backbone_->name() + ")"; }
    const ModelSpec& spec() const override { return spec_; }

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override {
        const std::vector<PcaFrame> scatter = pcaFrames(pos, true);
        const auto [w, t] = whitening(scatter, pos.size(1));
        const torch::Tensor whitened =
            torch::matmul(pos.detach().to(torch::kCPU, torch::kFloat64) - t, w);
        const std::vector<PcaFrame> moment =
            pcaFrames(whitened * whitened.norm(2, -1, true), false);
        lastScatter_ = scatter.front();
        lastMoment_ = moment.front();

        // (X - t) W R_s for every sign frame s, batched into the backbone.
        const torch::Tensor m =
            torch::matmul(w.unsqueeze(1), signFrames(moment, !reflections_)).to(pos.options());
        return averageOverCopies(*backbone_,
                                 torch::einsum("bnj,bfjk->bfnk", {pos - t.to(pos.options()), m}),
                                 feat, edgeIndex);
    }

    std::map<std::string, std::string> diagnostics() const override {
        const Eigen::Vector3d& c = lastScatter_.eigenvalues;
        const double condition = c(2) / std::max(c(0), 1e-300);
        return {{"scatter eigenvalues", text(c)},
                {"whitening", condition < 1e9 ? "well defined (scatter condition " +
                                                    std::to_string(condition) + ")"
                                              : "degenerate: the points are (nearly) flat"},
                {"fourth-moment eigenvalues", text(lastMoment_.eigenvalues)},
                {"smallest relative eigen-gap", std::to_string(lastMoment_.relativeGap)},
                {"frame", lastMoment_.degenerate()
                              ? "degenerate: repeated eigenvalues, the average is not invariant"
                              : "well defined"}};
    }

  private:
    bool reflections_;
    ModelSpec spec_;
    PcaFrame lastScatter_, lastMoment_;
};

} // namespace

void registerAffineFa(ModelRegistry& registry) {
    const ModelRegistry* models = &registry;
    registry.add(
        {"affine_fa",
         "exact Aff(3) invariance: centre, whiten by the covariance's inverse square root, "
         "then frame averaging over the fourth moment's sign frames around a backbone",
         {{"reflections", "0", "1: all 8 sign frames, invariant under reflections too"},
          {"backbone", "pointnet", "any registered model with a scalar output"},
          {"hidden", "64", "backbone option, when it has it"},
          {"width", std::to_string(kShapeClasses), "backbone option (output channels)"},
          {"feature_dim", "0", "backbone option, when it has it"},
          {"neighbours", "0", "backbone option, when it has it"},
          {"seed", "0", "backbone option, when it has it"}},
         {"Aff3", "Perm"},
         [models](const ModelOptions& o) -> std::unique_ptr<Model> {
             const OptionReader r("affine_fa", o);
             return std::make_unique<AffineFaModel>(createBackbone(*models, "affine_fa", o),
                                                    r.flag("reflections"));
         }});
}

} // namespace equiscope
