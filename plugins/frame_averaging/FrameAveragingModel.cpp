// frame_averaging: wraps any registered model Phi (methods.md section 3, Puny et al. 2022).
// The PCA frame of the input gives 8 elements R_s = V diag(s), s in {+-1}^3 (4 with
// det = +1 for SO3/SE3); the backbone runs on every canonicalised copy (X - t) R_s in one
// batch, and the outputs are mapped back and averaged:
//   invariant:  mean_s Phi((X - t) R_s)
//   vector:     mean_s Phi(...) R_s^T            position: ... + t
// E3/SE3 centre on the centroid t; O3/SO3 use the uncentred second moment.

#include "BuiltinModels.h"
#include "models/Layers.h"
#include "models/PcaFrame.h"
#include "models/WrappedModel.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <sstream>

namespace equiscope {

namespace {

class FrameAveragingModel : public WrappedModel {
  public:
    FrameAveragingModel(std::unique_ptr<Model> backbone, std::string group)
        : WrappedModel(std::move(backbone)), group_(std::move(group)) {
        spec_ = backbone_->spec();
        spec_.symmetries = {group_, "Perm"};
        if (spec_.output == FieldType::Irreps)
            throw Error("frame_averaging: backbones with irreps outputs are not supported");
    }

    std::string name() const override { return "frame_averaging(" + backbone_->name() + ")"; }
    const ModelSpec& spec() const override { return spec_; }

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override {
        const bool centre = group_ == "E3" || group_ == "SE3";
        const bool proper = group_ == "SO3" || group_ == "SE3";
        const std::vector<PcaFrame> frames = pcaFrames(pos, centre);
        lastFrame_ = frames.front();
        const int64_t b = pos.size(0), n = pos.size(1);

        // R [B, F, 3, 3] and t [B, 3] in the model's dtype and device.
        torch::Tensor r = signFrames(frames, proper), t = torch::empty({b, 3}, torch::kFloat64);
        const int64_t count = r.size(1);
        auto ta = t.accessor<double, 2>();
        for (int64_t e = 0; e < b; ++e)
            for (int i = 0; i < 3; ++i) ta[e][i] = frames[static_cast<std::size_t>(e)].centroid(i);
        r = r.to(pos.options());
        t = t.to(pos.options());

        const torch::Tensor xc = pos - t.unsqueeze(1);
        const torch::Tensor canonical =
            torch::einsum("bnj,bfjk->bfnk", {xc, r}).reshape({b * count, n, 3});
        const torch::Tensor f = feat.unsqueeze(1)
                                    .expand({b, count, n, feat.size(-1)})
                                    .reshape({b * count, n, feat.size(-1)});
        const torch::Tensor y = backbone_->forward(canonical, f, edgeIndex);
        return mapBack(y, r, t, b, count);
    }

    std::map<std::string, std::string> diagnostics() const override {
        std::ostringstream ev;
        ev.precision(6);
        ev << lastFrame_.eigenvalues.transpose();
        return {{"eigenvalues", ev.str()},
                {"smallest relative eigen-gap", std::to_string(lastFrame_.relativeGap)},
                {"frame", lastFrame_.degenerate()
                              ? "degenerate: repeated eigenvalues, the average is not equivariant"
                              : "well defined"}};
    }

  private:
    // Undo each frame on the backbone's outputs and average over the frames.
    torch::Tensor mapBack(const torch::Tensor& y, const torch::Tensor& r, const torch::Tensor& t,
                          int64_t b, int64_t count) const {
        const bool perNode = spec_.perNode;
        torch::Tensor ys = perNode ? y.reshape({b, count, y.size(1), y.size(2)})
                                   : y.reshape({b, count, 1, y.size(1)});
        switch (spec_.output) {
        case FieldType::Vector:
        case FieldType::Position:
            ys = torch::einsum("bfnk,bfjk->bfnj", {ys, r});
            break;
        case FieldType::Pseudovector: {
            const torch::Tensor det = torch::linalg_det(r).unsqueeze(-1).unsqueeze(-1);
            ys = det * torch::einsum("bfnk,bfjk->bfnj", {ys, r});
            break;
        }
        case FieldType::Tensor2: {
            const auto sizes = ys.sizes().vec();
            const torch::Tensor m = ys.reshape({b, count, sizes[2], 3, 3});
            ys = torch::einsum("bfik,bfnkl,bfjl->bfnij", {r, m, r}).reshape(sizes);
            break;
        }
        default:
            break; // scalar: invariant
        }
        torch::Tensor out = ys.mean(1);
        if (spec_.output == FieldType::Position) out = out + t.unsqueeze(1);
        return perNode ? out : out.squeeze(1);
    }

    std::string group_;
    ModelSpec spec_;
    PcaFrame lastFrame_;
};

} // namespace

void registerFrameAveraging(ModelRegistry& registry) {
    const ModelRegistry* models = &registry;
    registry.add(
        {"frame_averaging",
         "frame averaging over the 8 (O3, E3) or 4 (SO3, SE3) PCA frames around any backbone model",
         {{"group", "E3", "E3, SE3, O3 or SO3"},
          {"backbone", "mlp", "any registered model name"},
          {"hidden", "64", "backbone option, when it has it"},
          {"layers", "3", "backbone option, when it has it"},
          {"output", "position", "backbone option, when it has it"},
          {"width", "1", "backbone option, when it has it"},
          {"feature_dim", "0", "backbone option, when it has it"},
          {"neighbours", "0", "backbone option, when it has it"},
          {"seed", "0", "backbone option, when it has it"}},
         {"E3", "Perm"},
         [models](const ModelOptions& o) -> std::unique_ptr<Model> {
             const OptionReader r("frame_averaging", o);
             const std::string group = r.choice("group", {"E3", "SE3", "O3", "SO3"});
             return std::make_unique<FrameAveragingModel>(
                 createBackbone(*models, "frame_averaging", o), group);
         }});
}

} // namespace equiscope
