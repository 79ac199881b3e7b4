// egnn: E(n)-equivariant graph network (methods.md section 8.1, Satorras et al. 2021).
//   m_ij = phi_e([h_i, h_j, |x_i - x_j|^2])              (Linear-SiLU-Linear-SiLU)
//   x_i += C sum_j (x_i - x_j) phi_x(m_ij)               (Linear-SiLU-Linear(->1, no bias, xavier
//   gain 0.001)) h_i += phi_h([h_i, sum_j m_ij])                     (Linear-SiLU-Linear)
// C = 1 / (number of neighbours). gcl.py clamps each coordinate term componentwise to
// +-100, which breaks rotation equivariance on large coordinates; here a term longer than
// 100 is scaled back to length 100 instead.
// The graph is fully connected for small N, else k-nearest neighbours (KnnGraph).
//
// subequivariant (methods.md 7.3, 3D-SGRL's idea): the same network given the gravity
// direction g as an extra vector input: each edge also sees (x_i - x_j).g, and each node
// moves by g phi_g(h_i) besides. Equivariant to rotations about g, mirrors through planes
// containing g, translations and permutations; deliberately not to tilts.

#include "BuiltinModels.h"
#include "egnn/BatchedEdges.h"
#include "models/ModuleModel.h"

namespace equiscope {

namespace {

struct EgnnLayer : torch::nn::Module {
    torch::nn::Sequential edge{nullptr}, coord{nullptr}, node{nullptr}, lift{nullptr};
    EgnnLayer(int64_t h, bool gravity) {
        edge = register_module("edge", makeMlp({2 * h + (gravity ? 2 : 1), h, h}));
        edge->push_back(torch::nn::SiLU());
        coord = register_module("coord", makeMlp({h, h, 1}, /*lastBias=*/false));
        auto last = coord->ptr<torch::nn::LinearImpl>(2);
        torch::nn::init::xavier_uniform_(last->weight, 0.001);
        node = register_module("node", makeMlp({2 * h, h, h}));
        if (gravity) lift = register_module("lift", makeMlp({h, h, 1}));
    }

    // h [M,H], x [M,3]; edges row <- col (row receives); invDegree [M,1]. Edges go in
    // chunks so that no temporary outgrows the allocator's reuse threshold.
    // `moved` accumulates x - x_0, so a velocity output needs no cancelling subtraction.
    // `g` [3]: the gravity direction of a subequivariant network, else undefined.
    void forward(torch::Tensor& h, torch::Tensor& x, torch::Tensor& moved, const torch::Tensor& row,
                 const torch::Tensor& col, const torch::Tensor& invDegree, const torch::Tensor& g) {
        constexpr int64_t kEdgeChunk = 1 << 15;
        // phi_e's first layer on [h_i, h_j, d2] split by blocks, so the [E, 2H+1] input is
        // never built: W [h_i, h_j, d2] = (W_i h)_row + (W_j h)_col + w d2 + b.
        auto first = edge->ptr<torch::nn::LinearImpl>(0);
        auto second = edge->ptr<torch::nn::LinearImpl>(2);
        const int64_t hd = h.size(1);
        const torch::Tensor& w = first->weight;
        const torch::Tensor fromRow = torch::matmul(h, w.narrow(1, 0, hd).t());
        const torch::Tensor fromCol = torch::matmul(h, w.narrow(1, hd, hd).t());
        const torch::Tensor wd = w.narrow(1, 2 * hd, 1).t();
        torch::Tensor dx = torch::zeros_like(x),
                      agg = torch::zeros({h.size(0), second->weight.size(0)}, h.options());
        for (int64_t s = 0; s < row.size(0); s += kEdgeChunk) {
            const int64_t len = std::min(kEdgeChunk, row.size(0) - s);
            const torch::Tensor r = row.narrow(0, s, len), c = col.narrow(0, s, len);
            const torch::Tensor rel = x.index_select(0, r) - x.index_select(0, c);
            const torch::Tensor d2 = rel.pow(2).sum(-1, true);
            torch::Tensor pre =
                fromRow.index_select(0, r) + fromCol.index_select(0, c) + d2 * wd + first->bias;
            if (g.defined())
                pre = pre + torch::matmul(rel, g).unsqueeze(-1) * w.narrow(1, 2 * hd + 1, 1).t();
            const torch::Tensor m = torch::silu(second->forward(torch::silu(pre))); // phi_e
            const torch::Tensor trans = rel * coord->forward(m);
            // Longer than 100: scaled back to length 100 (a rotation-equivariant clamp).
            const torch::Tensor length = trans.norm(2, -1, true);
            dx.index_add_(0, r, trans * torch::clamp_max(100.0 / length.clamp_min(1e-30), 1.0));
            agg.index_add_(0, r, m);
        }
        torch::Tensor step = dx * invDegree;
        if (g.defined()) step = step + lift->forward(h) * g;
        moved = moved + step;
        x = x + step;
        h = h + node->forward(torch::cat({h, agg}, -1));
    }
};

struct EgnnNet : torch::nn::Module {
    torch::nn::Linear embed{nullptr};
    torch::nn::ModuleList layers;
    EgnnNet(int64_t in, int64_t hidden, int64_t count, bool gravity) {
        embed = register_module("embed", torch::nn::Linear(in, hidden));
        layers = register_module("layers", torch::nn::ModuleList());
        for (int64_t i = 0; i < count; ++i)
            layers->push_back(std::make_shared<EgnnLayer>(hidden, gravity));
    }
};

class EgnnModel : public ModuleModel {
  public:
    // `gravity`: the unit gravity axis of a subequivariant network (empty: plain EGNN).
    EgnnModel(std::string name, ModelSpec spec, const ModelOptions& options,
              std::shared_ptr<EgnnNet> net, std::string graph, int64_t k, int64_t fullMax,
              std::vector<double> gravity)
        : ModuleModel(std::move(name), std::move(spec), options, net), net_(std::move(net)),
          graph_(std::move(graph)), k_(k), fullMax_(fullMax), gravity_(std::move(gravity)) {}

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) override {
        const int64_t b = pos.size(0), n = pos.size(1);
        const at::Tensor f = feat.size(-1) > 0 ? feat : torch::ones({b, n, 1}, pos.options());
        const bool full = graph_ == "full" || (graph_ == "auto" && n <= fullMax_);
        const BatchedEdges edges = full ? fullEdges(pos) : knnEdges(pos, k_);
        const torch::Tensor &row = edges.row, &col = edges.col;
        const torch::Tensor invDegree = torch::full(
            {b * n, 1}, edges.perNode > 0 ? 1.0 / static_cast<double>(edges.perNode) : 0.0,
            pos.options());
        torch::Tensor h = net_->embed->forward(f.reshape({b * n, f.size(-1)}));
        torch::Tensor x = pos.reshape({b * n, 3});
        torch::Tensor moved = torch::zeros_like(x);
        const torch::Tensor g =
            gravity_.empty() ? torch::Tensor() : torch::tensor(gravity_, pos.options());
        for (const auto& layer : *net_->layers)
            layer->as<EgnnLayer>()->forward(h, x, moved, row, col, invDegree, g);
        const torch::Tensor out = x.reshape({b, n, 3});
        return spec_.output == FieldType::Position ? out : moved.reshape({b, n, 3});
    }

  private:
    std::shared_ptr<EgnnNet> net_;
    std::string graph_;
    int64_t k_, fullMax_;
    std::vector<double> gravity_;
};

// egnn and subequivariant share their options; the latter adds the gravity axis.
std::vector<OptionSpec> egnnOptions(bool gravity) {
    std::vector<OptionSpec> o = {
        {"hidden", "64", "hidden width"},
        {"layers", "4", "number of EGNN layers"},
        {"output", "position", "position (final x) or velocity (x_L - x_0, a vector)"},
        {"graph", "auto", "full, knn, or auto (full up to full_max nodes)"},
        {"k", "16", "neighbours per node for the kNN graph"},
        {"full_max", "64", "largest N that auto connects fully"},
        {"feature_dim", "0", "F, feature channels (0: none)"},
        {"seed", "0", "seed of the initial weights"}};
    if (gravity) o.push_back({"axis", "z", "the gravity axis: x, y or z"});
    return o;
}

std::unique_ptr<Model> makeEgnn(const std::string& name, const ModelOptions& o, bool gravity) {
    const OptionReader r(name, o);
    ModelSpec spec;
    spec.output = r.choice("output", {"position", "velocity"}) == "position" ? FieldType::Position
                                                                             : FieldType::Vector;
    spec.featureDim = static_cast<int>(r.integer("feature_dim", 0, 4096));
    std::vector<double> axis;
    if (gravity) {
        const std::string a = r.choice("axis", {"x", "y", "z"});
        axis = {a == "x" ? 1.0 : 0.0, a == "y" ? 1.0 : 0.0, a == "z" ? 1.0 : 0.0};
        spec.symmetries = {"O2(" + a + ")", "T3", "Perm"};
    } else {
        spec.symmetries = {"E3", "Perm"};
    }
    auto net = buildSeeded(static_cast<uint64_t>(r.integer("seed", 0, INT64_MAX)), [&] {
        return std::make_shared<EgnnNet>(std::max(spec.featureDim, 1),
                                         r.integer("hidden", 1, 65536), r.integer("layers", 1, 64),
                                         gravity);
    });
    return std::make_unique<EgnnModel>(
        name, spec, o, net, r.choice("graph", {"auto", "full", "knn"}), r.integer("k", 1, 1024),
        r.integer("full_max", 2, 100000), axis);
}

} // namespace

void registerEgnn(ModelRegistry& registry) {
    registry.add({"egnn",
                  "EGNN (Satorras et al. 2021): E(3)- and permutation-equivariant message passing "
                  "on a full or kNN graph",
                  egnnOptions(false),
                  {"E3", "Perm"},
                  [](const ModelOptions& o) { return makeEgnn("egnn", o, false); }});
    registry.add({"subequivariant",
                  "EGNN given the gravity axis (3D-SGRL's subequivariance): equivariant to "
                  "rotations about the axis, mirrors containing it, translations and "
                  "permutations, not to tilts",
                  egnnOptions(true),
                  {"O2(z)", "T3", "Perm"},
                  [](const ModelOptions& o) { return makeEgnn("subequivariant", o, true); }});
}

} // namespace equiscope
