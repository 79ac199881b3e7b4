#include "SoftEquivariantMlp.h"

#include <cmath>

namespace equiscope::per {

SoftEquivariantMlpImpl::SoftEquivariantMlpImpl(const Layout& in, const Layout& out,
                                               const MlpShape& s,
                                               const std::vector<std::string>& groups)
    : groups_(groups) {
    std::vector<CandidateGroup> candidates;
    for (const auto& g : groups) candidates.push_back(candidateGroup(g));
    Layout current = in;
    for (int l = 0; l < s.layers; ++l) {
        const bool last = l + 1 == s.layers;
        LayerInfo info;
        info.in = current;
        if (last) {
            info.out = out;
            info.scalars = info.gates = info.vectors = info.tensors = info.outer = 0;
        } else {
            info.scalars = s.hiddenScalars;
            info.gates = s.hiddenVectors + s.hiddenTensors;
            info.vectors = s.hiddenVectors;
            info.tensors = s.hiddenTensors;
            info.outer = std::min(s.outerProducts, s.hiddenVectors / 2);
            info.out = {{{Channel::Scalar, info.scalars + info.gates},
                         {Channel::Vector, info.vectors},
                         {Channel::Tensor2, info.tensors}}};
            current = {{{Channel::Scalar, info.scalars},
                        {Channel::Vector, info.vectors},
                        {Channel::Tensor2, info.tensors + info.outer}}};
        }
        for (const auto& c : candidates) info.projectors.emplace_back(c, info.in, info.out);
        const int64_t din = info.in.dim(), dout = info.out.dim();
        weights_.push_back(
            register_parameter("w" + std::to_string(l), torch::randn({dout, din}, torch::kFloat64) /
                                                            std::sqrt(static_cast<double>(din))));
        biases_.push_back(
            register_parameter("b" + std::to_string(l), torch::zeros({dout}, torch::kFloat64)));
        info_.push_back(std::move(info));
    }
}

torch::Tensor SoftEquivariantMlpImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = x;
    for (std::size_t l = 0; l < info_.size(); ++l) {
        h = torch::matmul(h, weights_[l].t()) + biases_[l];
        const LayerInfo& i = info_[l];
        if (l + 1 == info_.size()) break;
        const int64_t b = h.size(0);
        const torch::Tensor scalars = torch::silu(h.narrow(1, 0, i.scalars));
        const torch::Tensor gates = torch::sigmoid(h.narrow(1, i.scalars, i.gates));
        const torch::Tensor vectors =
            h.narrow(1, i.scalars + i.gates, i.vectors * 3).reshape({b, i.vectors, 3}) *
            gates.narrow(1, 0, i.vectors).unsqueeze(-1);
        const torch::Tensor tensors =
            h.narrow(1, i.scalars + i.gates + i.vectors * 3, i.tensors * 9)
                .reshape({b, i.tensors, 9}) *
            gates.narrow(1, i.vectors, i.tensors).unsqueeze(-1);
        // Outer products of vector pairs (2k, 2k+1): new rank-2 tensor channels.
        const torch::Tensor pairs = vectors.narrow(1, 0, 2 * i.outer).reshape({b, i.outer, 2, 3});
        const torch::Tensor outer =
            (pairs.select(2, 0).unsqueeze(-1) * pairs.select(2, 1).unsqueeze(-2))
                .reshape({b, i.outer, 9});
        h = torch::cat(
            {scalars, vectors.reshape({b, -1}), tensors.reshape({b, -1}), outer.reshape({b, -1})},
            1);
    }
    return h;
}

std::vector<torch::Tensor> SoftEquivariantMlpImpl::regularizers() const {
    std::vector<torch::Tensor> r(groups_.size());
    for (std::size_t j = 0; j < groups_.size(); ++j) {
        r[j] = torch::zeros({}, torch::kFloat64);
        for (std::size_t l = 0; l < info_.size(); ++l)
            r[j] = r[j] + info_[l].projectors[j].regularizer(weights_[l], biases_[l]);
    }
    return r;
}

void SoftEquivariantMlpImpl::project(std::size_t group) {
    torch::NoGradGuard noGrad;
    for (std::size_t l = 0; l < info_.size(); ++l) {
        weights_[l].copy_(info_[l].projectors[group].projectWeight(weights_[l]));
        biases_[l].copy_(info_[l].projectors[group].projectBias(biases_[l]));
    }
}

} // namespace equiscope::per
