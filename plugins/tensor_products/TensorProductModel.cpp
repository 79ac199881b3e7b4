// tensor_product: a point-cloud network whose messages are tensor products of node irreps
// with the spherical harmonics of edge vectors (methods.md §6), kind=gaunt (computed on the
// sphere grid, the fastest Gaunt route on CPUs; tp bench) or cg.
// Layer 1 embeds each node's neighbourhood as h_i = mean_j R1(|r_ij|) ⊙ Y(r_ij), channels C,
// degrees 0..lmax (all of parity (-1)^l). Layer 2 sends m_ij = R2(|r_ij|) ⊙ (h_j ⊗ Y(r_ij)),
// channel-wise; CG has odd paths (l1 + l2 + l3 odd, e.g. the cross product 1 ⊗ 1 → 1) whose
// outputs have the other parity, Gaunt has none. Each output irrep mixes the channels of
// the matching degree and parity. Asked for a parity it has no features of (Gaunt and a
// pseudovector 1e), the model uses the polar ones: equivariant to rotations, not to
// reflections — which is what a profile shows.

#include "BuiltinModels.h"
#include "egnn/BatchedEdges.h"
#include "groups/Irreps.h"
#include "harmonics/SphericalHarmonics.h"
#include "harmonics/Wigner3j.h"
#include "models/ModuleModel.h"
#include "tensor_products/BatchedHarmonics.h"
#include "tensor_products/CgProduct.h"
#include "tensor_products/GridGauntProduct.h"
#include "util/Error.h"

#include <functional>
#include <optional>

namespace equiscope {

namespace {

constexpr int64_t kRadialBasis = 8;

struct TensorProductNet : torch::nn::Module {
    torch::nn::Linear radial1{nullptr}, radial2{nullptr};
    std::vector<torch::nn::Linear> mixers; // one per output term: [C (or 2C)] -> multiplicity
    TensorProductNet(int64_t channels, int lmax, const Irreps& output, bool odd) {
        radial1 =
            register_module("radial1", torch::nn::Linear(kRadialBasis, channels * (lmax + 1)));
        radial2 = register_module("radial2", torch::nn::Linear(kRadialBasis, channels));
        for (std::size_t t = 0; t < output.terms.size(); ++t)
            mixers.push_back(register_module(
                "mix" + std::to_string(t),
                torch::nn::Linear(torch::nn::LinearOptions(channels, output.terms[t].multiplicity)
                                      .bias(output.terms[t].l == 0 && !odd))));
    }
};

// Gaussian radial basis of distances in units of the mean edge length (E(3)-invariant).
torch::Tensor radialBasis(const torch::Tensor& scaled) {
    const torch::Tensor centres = torch::linspace(0, 3, kRadialBasis, scaled.options());
    return torch::exp(-4.0 * (scaled.unsqueeze(-1) - centres).pow(2));
}

// Per-degree weights [E, C, (L+1)²] from per-degree values [E, C, L+1].
torch::Tensor perComponent(const torch::Tensor& perDegree, int lmax) {
    std::vector<int64_t> degreeOf;
    for (int l = 0; l <= lmax; ++l) degreeOf.insert(degreeOf.end(), 2 * l + 1, l);
    return perDegree.index_select(-1, torch::tensor(degreeOf, torch::kLong).to(perDegree.device()));
}

double evenPathWeight(int l1, int l2, int l3) {
    return (l1 + l2 + l3) % 2 == 0 ? 1.0 : 0.0;
}
double oddPathWeight(int l1, int l2, int l3) {
    return (l1 + l2 + l3) % 2 == 0 ? 0.0 : 1.0;
}

class TensorProductModel : public ModuleModel {
  public:
    TensorProductModel(ModelSpec spec, const ModelOptions& options,
                       std::shared_ptr<TensorProductNet> net, bool gaunt, int lmax,
                       int64_t channels, int64_t k, Irreps output)
        : ModuleModel("tensor_product", std::move(spec), options, net), net_(std::move(net)),
          gaunt_(gaunt), lmax_(lmax), channels_(channels), k_(k), output_(std::move(output)) {}

    at::Tensor forward(const at::Tensor& pos, const at::Tensor&, const at::Tensor&) override {
        const int64_t b = pos.size(0), n = pos.size(1), nodes = b * n, width = shDimension(lmax_);
        const BatchedEdges edges = n - 1 <= k_ ? fullEdges(pos) : knnEdges(pos, k_);
        const torch::Tensor x = pos.reshape({nodes, 3});
        const torch::Tensor scale = meanEdgeLength(x, edges, b);
        torch::Tensor h = torch::zeros({nodes, channels_, width}, pos.options());
        forEachChunk(edges, x, scale, [&](const Chunk& c) {
            const torch::Tensor w1 =
                net_->radial1->forward(c.basis).view({-1, channels_, lmax_ + 1});
            h.index_add_(0, c.row, perComponent(w1, lmax_) * c.harmonics);
        });
        h = mean(h, edges);
        torch::Tensor even = torch::zeros_like(h),
                      odd = gaunt_ ? torch::Tensor() : torch::zeros_like(h);
        // The products' tables are built once per forward, not per chunk.
        const auto gaunt = gaunt_ ? std::make_optional<tp::GridGauntProduct>(lmax_, lmax_, lmax_, h)
                                  : std::nullopt;
        const auto evenCg = gaunt_ ? std::nullopt
                                   : std::make_optional<tp::CgTensorProduct>(lmax_, lmax_, lmax_,
                                                                             evenPathWeight, h);
        const auto oddCg =
            gaunt_ ? std::nullopt
                   : std::make_optional<tp::CgTensorProduct>(lmax_, lmax_, lmax_, oddPathWeight, h);
        forEachChunk(edges, x, scale, [&](const Chunk& c) {
            const torch::Tensor hj = h.index_select(0, c.col);
            const torch::Tensor ye = c.harmonics.expand_as(hj);
            const torch::Tensor w2 = net_->radial2->forward(c.basis).unsqueeze(-1);
            if (gaunt) {
                even.index_add_(0, c.row, w2 * (*gaunt)(hj, ye));
                return;
            }
            even.index_add_(0, c.row, w2 * (*evenCg)(hj, ye));
            odd.index_add_(0, c.row, w2 * (*oddCg)(hj, ye));
        });
        const torch::Tensor features = h + mean(even, edges); // parity (-1)^l
        return readOut(features, gaunt_ ? odd : mean(odd, edges)).view({b, n, output_.dim()});
    }

  private:
    struct Chunk {
        torch::Tensor row, col, harmonics, basis; // harmonics [e, 1, (L+1)²], basis [e, K]
    };

    // Edges in slices small enough that a slice's products stay in memory (about 2^23 values).
    void forEachChunk(const BatchedEdges& edges, const torch::Tensor& x, const torch::Tensor& scale,
                      const std::function<void(const Chunk&)>& body) const {
        const int64_t perEdge = channels_ * shDimension(2 * lmax_ + 1);
        const int64_t size = std::max<int64_t>(256, (int64_t(1) << 23) / perEdge);
        for (int64_t start = 0; start < edges.row.size(0); start += size) {
            const int64_t count = std::min(size, edges.row.size(0) - start);
            Chunk c{edges.row.narrow(0, start, count), edges.col.narrow(0, start, count), {}, {}};
            const torch::Tensor r = x.index_select(0, c.col) - x.index_select(0, c.row);
            c.harmonics = tp::sphericalHarmonicsBatched(r, lmax_).unsqueeze(1);
            c.basis = radialBasis(r.norm(2, -1) / scale.index_select(0, c.row));
            body(c);
        }
    }

    // Per batch element (a group element of a check must not see the others): its mean edge
    // length, as a value per node [nodes].
    static torch::Tensor meanEdgeLength(const torch::Tensor& x, const BatchedEdges& edges,
                                        int64_t elements) {
        const torch::Tensor lengths =
            (x.index_select(0, edges.col) - x.index_select(0, edges.row)).norm(2, -1);
        const torch::Tensor perElement = lengths.view({elements, -1}).mean(1).clamp_min(1e-12);
        return perElement.repeat_interleave(x.size(0) / elements);
    }

    static torch::Tensor mean(const torch::Tensor& sum, const BatchedEdges& edges) {
        return edges.perNode > 0 ? sum / static_cast<double>(edges.perNode) : sum;
    }

    // Each output term l p mixes the C channels of degree l with parity p (or, lacking them,
    // the polar ones); layout mul_ir.
    torch::Tensor readOut(const torch::Tensor& polar, const torch::Tensor& other) {
        std::vector<torch::Tensor> parts;
        for (std::size_t t = 0; t < output_.terms.size(); ++t) {
            const Irrep& ir = output_.terms[t];
            const bool natural = ir.parity == (ir.l % 2 == 0 ? 1 : -1);
            const torch::Tensor& source = natural || !other.defined() ? polar : other;
            const torch::Tensor block =
                source.narrow(-1, ir.l * ir.l, 2 * ir.l + 1); // [nodes,C,2l+1]
            const torch::Tensor mixed =
                net_->mixers[t]->forward(block.transpose(1, 2)); // [nodes,2l+1,mul]
            parts.push_back(mixed.transpose(1, 2).reshape({polar.size(0), -1}));
        }
        return torch::cat(parts, 1);
    }

    std::shared_ptr<TensorProductNet> net_;
    bool gaunt_;
    int lmax_;
    int64_t channels_, k_;
    Irreps output_;
};

std::unique_ptr<Model> makeTensorProduct(const ModelOptions& o) {
    const OptionReader r("tensor_product", o);
    const bool gaunt = r.choice("kind", {"gaunt", "cg"}) == "gaunt";
    const int lmax = static_cast<int>(r.integer("lmax", 0, 12));
    const Irreps output = Irreps::parse(r.text("output_irreps"));
    if (output.maxDegree() > lmax)
        throw Error("tensor_product: output_irreps has degree " +
                    std::to_string(output.maxDegree()) + " above lmax " + std::to_string(lmax) +
                    "; raise lmax");
    ModelSpec spec;
    spec.output = FieldType::Irreps;
    spec.outputIrreps = output.toString();
    spec.featureDim = 0;
    bool polarOnly = true;
    for (const Irrep& ir : output.terms)
        polarOnly = polarOnly && ir.parity == (ir.l % 2 == 0 ? 1 : -1);
    spec.symmetries = {gaunt && !polarOnly ? "SE3" : "E3", "Perm"};
    const int64_t channels = r.integer("channels", 1, 4096);
    auto net = buildSeeded(static_cast<uint64_t>(r.integer("seed", 0, INT64_MAX)), [&] {
        return std::make_shared<TensorProductNet>(channels, lmax, output, false);
    });
    return std::make_unique<TensorProductModel>(spec, o, net, gaunt, lmax, channels,
                                                r.integer("k", 1, 1024), output);
}

} // namespace

void registerTensorProduct(ModelRegistry& registry) {
    registry.add(
        {"tensor_product",
         "messages are tensor products of node irreps with the spherical harmonics of edge "
         "vectors (Gaunt or Clebsch-Gordan); any irreps output. Gaunt has no odd "
         "paths: asked for a pseudovector (1e) it can only give a polar vector, "
         "equivariant to rotations but not to reflections; cg is E(3)-equivariant for any output",
         {{"kind", "gaunt", "gaunt (O(L^3), no odd paths) or cg (Clebsch-Gordan, with odd paths)"},
          {"lmax", "3", "degree of the node features and edge harmonics"},
          {"channels", "8", "channels per degree"},
          {"output_irreps", "1x0e+1x1o+1x2e+1x3o", "the output, any e3nn irreps up to lmax"},
          {"k", "16", "neighbours per node (all when N - 1 <= k)"},
          {"seed", "0", "seed of the initial weights"}},
         {"E3", "Perm"},
         makeTensorProduct});
}

} // namespace equiscope
