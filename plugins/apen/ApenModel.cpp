#include "ApenModel.h"

#include "BuiltinModels.h"
#include "util/Error.h"

namespace equiscope::apen {

namespace {

std::vector<OptionSpec> apenOptions() {
    return {{"layers", "4", "APEN layers L"},
            {"hidden", "48", "width of every layer's PointNet"},
            {"parts", "32", "k of the initial farthest-point / Voronoi partition"},
            {"sigma_scale", "1",
             "multiplies the partition sigmas (0.25, 0.2, 0.35, 0.5, 0.6 "
             "data units; scale with your data)"},
            {"feature_dim", "1", "F, node feature channels"},
            {"seed", "0", "seed of the initial weights"}};
}

ModelSpec apenSpec(int featureDim) {
    ModelSpec s;
    s.output = FieldType::Position;
    s.perNode = true;
    s.featureDim = featureDim;
    s.symmetries = {"E3", "Perm"};
    s.methods["partition"] = "partition";
    return s;
}

// The config an options map (completed by the registry) describes.
ApenConfig apenConfigFrom(const ModelOptions& o) {
    const OptionReader r("apen", o);
    ApenConfig c;
    c.layers = static_cast<int>(r.integer("layers", 1, 16));
    c.hidden = static_cast<int>(r.integer("hidden", 4, 1024));
    c.initialParts = static_cast<int>(r.integer("parts", 1, 4096));
    const double scale = r.number("sigma_scale");
    if (!(scale > 0)) throw Error("apen: sigma_scale must be > 0");
    std::vector<double> sigmas{c.sigmas.front()};
    for (int l = 1; l <= c.layers; ++l) // beyond the defaults, the last sigma repeats
        sigmas.push_back(
            c.sigmas[std::min<std::size_t>(static_cast<std::size_t>(l), c.sigmas.size() - 1)]);
    for (double& s : sigmas) s *= scale;
    c.sigmas = sigmas;
    return c;
}

std::unique_ptr<ApenModel> makeApenModel(const ModelOptions& o) {
    const ApenConfig c = apenConfigFrom(o);
    const OptionReader r("apen", o);
    const int64_t f = r.integer("feature_dim", 0, 4096);
    auto net = buildSeeded(static_cast<uint64_t>(r.integer("seed", 0, INT64_MAX)),
                           [&] { return ApenNetwork(c, f); });
    return std::make_unique<ApenModel>(o, net);
}

} // namespace

ApenModel::ApenModel(const ModelOptions& options, ApenNetwork net)
    : ModuleModel(
          "apen",
          apenSpec(static_cast<int>(OptionReader("apen", options).integer("feature_dim", 0, 4096))),
          options, net.ptr()),
      net_(std::move(net)) {}

at::Tensor ApenModel::forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) {
    std::vector<torch::Tensor> out;
    for (int64_t b = 0; b < pos.size(0); ++b) out.push_back(net_->forward(pos[b], feat[b]));
    return torch::stack(out);
}

ApenTrace ApenModel::trace(const at::Tensor& pos, const at::Tensor& feat) {
    ApenTrace t;
    net_->forward(pos, feat, &t);
    return t;
}

at::Tensor ApenModel::partition(const at::Tensor& pos, const at::Tensor& feat) {
    std::vector<torch::Tensor> q;
    int64_t widest = 1;
    for (int64_t b = 0; b < pos.size(0); ++b) {
        q.push_back(trace(pos[b], feat[b]).final.probabilities);
        widest = std::max(widest, q.back().size(1));
    }
    for (auto& p : q) p = torch::constant_pad_nd(p, {0, widest - p.size(1)}); // zero columns
    return torch::stack(q);
}

void registerApen(ModelRegistry& registry) {
    registry.add({"apen",
                  "APEN (methods.md section 2): per-part frame-averaged PointNet layers on a "
                  "partition refined from farthest-point cells by centre votes; outputs each "
                  "point's vote for its part's centre and predicts the partition (train it with "
                  "`train apen`)",
                  apenOptions(),
                  {"E3", "Perm"},
                  [](const ModelOptions& o) { return makeApenModel(o); }});
}

} // namespace equiscope::apen
