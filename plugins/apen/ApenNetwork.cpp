#include "ApenNetwork.h"

#include "models/Layers.h"

#include <numeric>

namespace equiscope::apen {

namespace {

// The 8 sign patterns of a PCA frame's axes (O(3) frame averaging, methods.md section 3).
torch::Tensor signPatterns(const torch::TensorOptions& options) {
    std::vector<double> s;
    for (int k = 0; k < 8; ++k)
        for (int a = 0; a < 3; ++a) s.push_back((k >> a) & 1 ? -1.0 : 1.0);
    return torch::tensor(s, torch::kFloat64).view({8, 1, 1, 3}).to(options);
}

// Sum of rows of `values` [N,C] per label: [parts, C].
torch::Tensor partSums(const torch::Tensor& values, const torch::Tensor& labels, int64_t parts) {
    return torch::zeros({parts, values.size(1)}, values.options()).index_add_(0, labels, values);
}

// Labels made compact (0..K-1 in order of first appearance); returns (labels, kept columns).
std::pair<torch::Tensor, torch::Tensor> compact(const torch::Tensor& labels, int64_t parts) {
    const torch::Tensor cpu = labels.to(torch::kCPU).contiguous();
    std::vector<int64_t> map(static_cast<std::size_t>(parts), -1), kept;
    std::vector<int64_t> out(static_cast<std::size_t>(cpu.numel()));
    const int64_t* in = cpu.data_ptr<int64_t>();
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& m = map[static_cast<std::size_t>(in[i])];
        if (m < 0) {
            m = static_cast<int64_t>(kept.size());
            kept.push_back(in[i]);
        }
        out[i] = m;
    }
    return {torch::tensor(out, torch::kInt64).to(labels.device()),
            torch::tensor(kept, torch::kInt64).to(labels.device())};
}

LayerTrace fromLogits(const torch::Tensor& logits) {
    const torch::Tensor hard = logits.argmax(-1);
    auto [labels, kept] = compact(hard, logits.size(1));
    // Components nobody is assigned to are dropped; Q renormalised over the rest.
    LayerTrace t;
    t.probabilities = torch::softmax(logits.index_select(1, kept), -1);
    t.labels = labels;
    t.parts = kept.size(0);
    return t;
}

} // namespace

LayerTrace voronoiPartition(const torch::Tensor& x, int64_t k, double sigma) {
    torch::NoGradGuard noGrad;
    const int64_t n = x.size(0);
    k = std::min(k, n);
    const torch::Tensor centroid = x.mean(0, true);
    std::vector<int64_t> chosen{(x - centroid).pow(2).sum(-1).argmax().item<int64_t>()};
    torch::Tensor nearest = (x - x[chosen[0]]).pow(2).sum(-1);
    while (static_cast<int64_t>(chosen.size()) < k) {
        chosen.push_back(nearest.argmax().item<int64_t>());
        nearest = torch::minimum(nearest, (x - x[chosen.back()]).pow(2).sum(-1));
    }
    const torch::Tensor centres =
        x.index_select(0, torch::tensor(chosen, torch::kInt64).to(x.device()));
    const torch::Tensor d2 = (x.unsqueeze(1) - centres.unsqueeze(0)).pow(2).sum(-1);
    return fromLogits(-d2 / (2 * sigma * sigma));
}

LayerTrace mixturePartition(const torch::Tensor& votes, const torch::Tensor& labels, int64_t parts,
                            double sigma, int iterations) {
    torch::NoGradGuard noGrad;
    const torch::Tensor y = votes.detach().to(torch::kFloat64);
    const auto n = static_cast<double>(y.size(0));
    const torch::Tensor ones = torch::ones({y.size(0), 1}, y.options());
    torch::Tensor weight = partSums(ones, labels, parts).squeeze(1); // [K]
    torch::Tensor mu = partSums(y, labels, parts) / weight.unsqueeze(1);
    const double s2 = 2 * sigma * sigma;
    auto logits = [&] {
        return torch::log(weight / n + 1e-300).unsqueeze(0) -
               (y.unsqueeze(1) - mu.unsqueeze(0)).pow(2).sum(-1) / s2;
    };
    for (int it = 0; it < iterations; ++it) {
        const torch::Tensor r = torch::softmax(logits(), -1); // [N,K]
        weight = r.sum(0);
        mu = r.t().matmul(y) / weight.clamp_min(1e-12).unsqueeze(1);
        // Merge centres closer than sigma (greedy, heaviest first); drop empty ones.
        const torch::Tensor w = weight.to(torch::kCPU), m = mu.to(torch::kCPU).contiguous();
        const int64_t k = w.size(0);
        std::vector<int64_t> order(static_cast<std::size_t>(k));
        std::iota(order.begin(), order.end(), int64_t(0));
        const double* wp = w.data_ptr<double>();
        const double* mp = m.data_ptr<double>();
        std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return wp[a] > wp[b]; });
        std::vector<double> newMu, newWeight;
        for (int64_t a : order) {
            if (wp[a] < 0.5) continue; // less than half a point: gone
            bool merged = false;
            for (std::size_t c = 0; c < newWeight.size() && !merged; ++c) {
                double d2 = 0;
                for (int q = 0; q < 3; ++q) d2 += std::pow(newMu[c * 3 + q] - mp[a * 3 + q], 2);
                if (d2 < sigma * sigma) {
                    const double total = newWeight[c] + wp[a];
                    for (int q = 0; q < 3; ++q)
                        newMu[c * 3 + q] =
                            (newMu[c * 3 + q] * newWeight[c] + mp[a * 3 + q] * wp[a]) / total;
                    newWeight[c] = total;
                    merged = true;
                }
            }
            if (!merged) {
                newMu.insert(newMu.end(), mp + a * 3, mp + a * 3 + 3);
                newWeight.push_back(wp[a]);
            }
        }
        const auto kept = static_cast<int64_t>(newWeight.size());
        mu = torch::tensor(newMu, torch::kFloat64).view({kept, 3}).to(y.device());
        weight = torch::tensor(newWeight, torch::kFloat64).to(y.device());
    }
    LayerTrace t = fromLogits(logits());
    t.probabilities = t.probabilities.to(votes.dtype());
    return t;
}

torch::Tensor partEntropy(const torch::Tensor& q) {
    return -(q * torch::log(q.clamp_min(1e-30))).sum(-1);
}

torch::Tensor partUncertainty(const torch::Tensor& q) {
    return 1 - std::get<0>(q.max(-1));
}

ApenNetworkImpl::ApenNetworkImpl(const ApenConfig& c, int64_t featureDim) : config_(c) {
    const int64_t h = c.hidden;
    for (int l = 0; l < c.layers; ++l) {
        const int64_t in = 3 + (l == 0 ? featureDim : h);
        point_.push_back(register_module("point" + std::to_string(l), makeMlp({in, h, h})));
        head_.push_back(register_module("head" + std::to_string(l), makeMlp({2 * h, h, h + 3})));
    }
}

std::pair<torch::Tensor, torch::Tensor> ApenNetworkImpl::layer(int l, const torch::Tensor& x,
                                                               const torch::Tensor& h,
                                                               const torch::Tensor& labels,
                                                               int64_t parts) {
    const int64_t n = x.size(0), hidden = config_.hidden;
    const torch::Tensor count = partSums(torch::ones({n, 1}, x.options()), labels, parts);
    const torch::Tensor centre = partSums(x, labels, parts) / count; // [K,3]
    const torch::Tensor rel = x - centre.index_select(0, labels);    // [N,3]
    const torch::Tensor outer = (rel.unsqueeze(2) * rel.unsqueeze(1)).reshape({n, 9});
    const torch::Tensor cov = (partSums(outer, labels, parts) / count).view({parts, 3, 3});
    // The frame is not differentiated (as frame averaging's PCA frames): inputs are data.
    const torch::Tensor axes = std::get<1>(torch::linalg_eigh(cov.detach().to(torch::kFloat64)));
    const torch::Tensor frames = (axes.unsqueeze(0) * signPatterns(axes.options())).to(x.dtype());
    const torch::Tensor perNode = frames.index_select(1, labels); // [8,N,3,3], columns = axes
    const torch::Tensor local =
        torch::matmul(perNode.transpose(-1, -2), rel.view({1, n, 3, 1})).squeeze(-1); // [8,N,3]
    const torch::Tensor a = point_[static_cast<std::size_t>(l)]->forward(
        torch::cat({local, h.unsqueeze(0).expand({8, n, h.size(1)})}, -1));
    // Mean pooling per part (index_add_, deterministic; PointNet's max pool would need the
    // beta scatter_reduce).
    const torch::Tensor pooled =
        torch::zeros({8, parts, hidden}, a.options()).index_add_(1, labels, a) /
        count.view({1, parts, 1});
    const torch::Tensor out = head_[static_cast<std::size_t>(l)]->forward(
        torch::cat({a, pooled.index_select(1, labels)}, -1)); // [8,N,H+3]
    const torch::Tensor features = out.narrow(-1, 0, hidden).mean(0);
    const torch::Tensor offset =
        torch::matmul(perNode, out.narrow(-1, hidden, 3).unsqueeze(-1)).squeeze(-1).mean(0);
    return {features, centre.index_select(0, labels) + offset};
}

torch::Tensor ApenNetworkImpl::forward(const torch::Tensor& x, const torch::Tensor& feat,
                                       ApenTrace* trace) {
    LayerTrace current = voronoiPartition(x, config_.initialParts, config_.sigmas.at(0));
    torch::Tensor h = feat, votes;
    for (int l = 0; l < config_.layers; ++l) {
        std::tie(h, votes) = layer(l, x, h, current.labels, current.parts);
        LayerTrace next = mixturePartition(votes, current.labels, current.parts,
                                           config_.sigmas.at(static_cast<std::size_t>(l + 1)),
                                           config_.emIterations);
        if (trace) {
            current.votes = votes;
            trace->layers.push_back(current);
        }
        current = std::move(next);
    }
    if (trace) trace->final = current;
    return votes;
}

torch::Tensor ApenNetworkImpl::forwardFixed(const torch::Tensor& x, const torch::Tensor& feat,
                                            const torch::Tensor& labels) {
    const int64_t parts = labels.max().item<int64_t>() + 1;
    torch::Tensor h = feat, votes;
    for (int l = 0; l < config_.layers; ++l) std::tie(h, votes) = layer(l, x, h, labels, parts);
    return votes;
}

} // namespace equiscope::apen
