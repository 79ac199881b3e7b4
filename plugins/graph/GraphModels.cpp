// Models on graphs, reading the sample's edges (spec input edge_index):
//   mpnn: h_i <- h_i + phi_h([h_i, mean_{j in N(i)} phi_m([h_i, h_j])]) for L layers, then a
//         scalar per node. Equivariant to node permutations; it ignores coordinates.
//   spen: after SPEN (methods.md 7.2, Mitton & Murray-Smith): every node's k-hop ego-network
//         is its own subgraph (the root marked by a feature); the mpnn layers run on every
//         subgraph and each node's output is the mean of its representations over all the
//         subgraphs that contain it. Also permutation-equivariant, and it tells apart graphs
//         that plain message passing (1-WL) cannot.
// Edges stored once are used in both directions.

#include "BuiltinModels.h"
#include "models/ModuleModel.h"
#include "util/Error.h"

namespace equiscope {

namespace {

struct GraphNet : torch::nn::Module {
    torch::nn::Linear embed{nullptr}, head{nullptr};
    std::vector<torch::nn::Sequential> message, update;
    GraphNet(int64_t in, int64_t hidden, int64_t layers) {
        embed = register_module("embed", torch::nn::Linear(in, hidden));
        for (int64_t l = 0; l < layers; ++l) {
            message.push_back(register_module("message" + std::to_string(l),
                                              makeMlp({2 * hidden, hidden, hidden})));
            update.push_back(register_module("update" + std::to_string(l),
                                             makeMlp({2 * hidden, hidden, hidden})));
        }
        head = register_module("head", torch::nn::Linear(hidden, 1));
    }

    // x [B,M,in]; messages flow src -> dst; the result is [B,M,1].
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& src,
                          const torch::Tensor& dst) {
        torch::Tensor h = embed->forward(x);
        const int64_t m = h.size(1);
        torch::Tensor degree = torch::zeros({m}, h.options());
        degree.index_add_(0, dst, torch::ones({dst.size(0)}, h.options()));
        const torch::Tensor inv = (1.0 / degree.clamp_min(1)).view({1, m, 1});
        for (std::size_t l = 0; l < message.size(); ++l) {
            const torch::Tensor msg = message[l]->forward(
                torch::cat({h.index_select(1, dst), h.index_select(1, src)}, -1));
            torch::Tensor agg = torch::zeros_like(h);
            agg.index_add_(1, dst, msg);
            h = h + update[l]->forward(torch::cat({h, agg * inv}, -1));
        }
        return head->forward(h);
    }
};

// Both directions of the stored edges; self-loops once.
std::pair<torch::Tensor, torch::Tensor> bothWays(const torch::Tensor& edges) {
    const torch::Tensor a = edges[0], b = edges[1];
    const torch::Tensor keep = a != b;
    return {torch::cat({a, b.masked_select(keep)}), torch::cat({b, a.masked_select(keep)})};
}

class GraphModel : public ModuleModel {
  public:
    GraphModel(std::string name, ModelSpec spec, const ModelOptions& options,
               std::shared_ptr<GraphNet> net, int64_t hops)
        : ModuleModel(std::move(name), std::move(spec), options, net), net_(std::move(net)),
          hops_(hops) {}

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override {
        const int64_t b = pos.size(0), n = pos.size(1);
        const at::Tensor f = feat.size(-1) > 0 ? feat : torch::ones({b, n, 1}, pos.options());
        const torch::Tensor edges = edgeIndex.to(torch::kCPU, torch::kInt64);
        if (edges.numel() > 0 &&
            (edges.min().item<int64_t>() < 0 || edges.max().item<int64_t>() >= n))
            throw Error(name() + ": an edge names a node outside 0.." + std::to_string(n - 1));
        const auto [src, dst] = bothWays(edges);
        if (hops_ == 0) return net_->forward(f, src.to(pos.device()), dst.to(pos.device()));
        return egoForward(f, src, dst);
    }

  private:
    // The disjoint union of every node's ego-network, run at once, then averaged back.
    at::Tensor egoForward(const at::Tensor& f, const torch::Tensor& src, const torch::Tensor& dst) {
        const int64_t b = f.size(0), n = f.size(1);
        std::vector<std::vector<int64_t>> adjacency(static_cast<std::size_t>(n));
        const auto* s = src.data_ptr<int64_t>();
        const auto* d = dst.data_ptr<int64_t>();
        for (int64_t e = 0; e < src.size(0); ++e)
            adjacency[static_cast<std::size_t>(s[e])].push_back(d[e]);
        std::vector<int64_t> owner, root, usrc, udst; // union node -> original node
        std::vector<int64_t> local(static_cast<std::size_t>(n), -1);
        for (int64_t v = 0; v < n; ++v) {
            const auto base = static_cast<int64_t>(owner.size());
            std::vector<int64_t> members = {v}, depth = {0};
            local[static_cast<std::size_t>(v)] = 0;
            for (std::size_t q = 0; q < members.size(); ++q) {
                if (depth[q] == hops_) continue;
                for (int64_t w : adjacency[static_cast<std::size_t>(members[q])])
                    if (local[static_cast<std::size_t>(w)] < 0) {
                        local[static_cast<std::size_t>(w)] = static_cast<int64_t>(members.size());
                        members.push_back(w);
                        depth.push_back(depth[q] + 1);
                    }
            }
            for (std::size_t i = 0; i < members.size(); ++i) {
                owner.push_back(members[i]);
                root.push_back(i == 0 ? 1 : 0);
                for (int64_t w : adjacency[static_cast<std::size_t>(members[i])])
                    if (local[static_cast<std::size_t>(w)] >= 0) {
                        usrc.push_back(base + static_cast<int64_t>(i));
                        udst.push_back(base + local[static_cast<std::size_t>(w)]);
                    }
            }
            for (int64_t w : members) local[static_cast<std::size_t>(w)] = -1;
        }
        const auto longs = torch::TensorOptions().dtype(torch::kInt64);
        const torch::Tensor own = torch::tensor(owner, longs).to(f.device());
        const torch::Tensor marker = torch::tensor(root, f.options().device(torch::kCPU))
                                         .to(f.device())
                                         .view({1, -1, 1})
                                         .expand({b, -1, 1});
        const torch::Tensor x = torch::cat({f.index_select(1, own), marker}, -1);
        const torch::Tensor y = net_->forward(x, torch::tensor(usrc, longs).to(f.device()),
                                              torch::tensor(udst, longs).to(f.device()));
        torch::Tensor sum = torch::zeros({b, n, 1}, f.options()),
                      count = torch::zeros({n}, f.options());
        sum.index_add_(1, own, y);
        count.index_add_(0, own, torch::ones({own.size(0)}, f.options()));
        return sum / count.view({1, n, 1});
    }

    std::shared_ptr<GraphNet> net_;
    int64_t hops_;
};

std::unique_ptr<Model> makeGraphModel(const std::string& name, const ModelOptions& o, bool ego) {
    const OptionReader r(name, o);
    ModelSpec spec;
    spec.output = FieldType::Scalar;
    spec.perNode = true;
    spec.inputs = {"pos", "feat", "edge_index"};
    spec.featureDim = static_cast<int>(r.integer("feature_dim", 1, 4096));
    spec.symmetries = {"Perm", "E3"};
    const int64_t hops = ego ? r.integer("hops", 1, 8) : 0;
    auto net = buildSeeded(static_cast<uint64_t>(r.integer("seed", 0, INT64_MAX)), [&] {
        return std::make_shared<GraphNet>(spec.featureDim + (ego ? 1 : 0),
                                          r.integer("hidden", 1, 4096), r.integer("layers", 1, 32));
    });
    return std::make_unique<GraphModel>(name, spec, o, net, hops);
}

std::vector<OptionSpec> graphOptions(bool ego) {
    std::vector<OptionSpec> o = {{"hidden", "32", "hidden width"},
                                 {"layers", "3", "message-passing layers"},
                                 {"feature_dim", "1", "F, node feature channels"},
                                 {"seed", "0", "seed of the initial weights"}};
    if (ego) o.push_back({"hops", "2", "radius k of every node's ego-network"});
    return o;
}

} // namespace

void registerGraphModels(ModelRegistry& registry) {
    registry.add({"mpnn",
                  "message passing on the data's edges (mean aggregation); a scalar per node; "
                  "permutation-equivariant, ignores coordinates",
                  graphOptions(false),
                  {"Perm", "E3"},
                  [](const ModelOptions& o) { return makeGraphModel("mpnn", o, false); }});
    registry.add({"spen",
                  "subgraph network after SPEN: the mpnn on every node's k-hop ego-network, "
                  "averaged over the subgraphs holding each node; permutation-equivariant",
                  graphOptions(true),
                  {"Perm", "E3"},
                  [](const ModelOptions& o) { return makeGraphModel("spen", o, true); }});
}

} // namespace equiscope
