#include "SoftEquivariantMlp.h"

#include "util/Error.h"

#include <cmath>

namespace equiscope::per {

namespace {

Layout withWeight(Layout layout, int weight) {
    for (Layout::Part& p : layout.parts) p.weight = weight;
    return layout;
}

} // namespace

SoftEquivariantMlpImpl::SoftEquivariantMlpImpl(const Layout& in, const Layout& out,
                                               const MlpShape& s,
                                               const std::vector<std::string>& groups,
                                               Constraint constraint)
    : groups_(groups), constraint_(constraint), input_(in) {
    std::vector<CandidateGroup> candidates;
    for (const auto& g : groups) {
        candidates.push_back(candidateGroup(g));
        scaleFreeInput_ = scaleFreeInput_ || candidates.back().scale;
    }
    const int hiddenWeight = scaleFreeInput_ ? 0 : kNaturalWeight;
    Layout current = in;
    if (scaleFreeInput_) {
        current = withWeight(in, 0);
        current.parts.insert(current.parts.end(), in.parts.begin(), in.parts.end());
    }
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
            info.out = withWeight({{{Channel::Scalar, info.scalars + info.gates},
                                    {Channel::Vector, info.vectors},
                                    {Channel::Tensor2, info.tensors}}},
                                  hiddenWeight);
            current = withWeight({{{Channel::Scalar, info.scalars},
                                   {Channel::Vector, info.vectors},
                                   {Channel::Tensor2, info.tensors + info.outer}}},
                                 hiddenWeight);
        }
        for (const auto& c : candidates) info.projectors.emplace_back(c, info.in, info.out);
        const std::string suffix = std::to_string(l);
        for (std::size_t j = 0; j < info.projectors.size(); ++j) {
            int k = 0;
            for (torch::Tensor* t : info.projectors[j].tensors())
                *t = register_buffer(
                    "p" + suffix + "_" + std::to_string(j) + "_" + std::to_string(k++), *t);
        }
        const int64_t din = info.in.dim(), dout = info.out.dim();
        const double gain = 1 / std::sqrt(static_cast<double>(din));
        weights_.push_back(
            register_parameter("w" + suffix, torch::randn({dout, din}, torch::kFloat64) * gain));
        biases_.push_back(register_parameter("b" + suffix, torch::zeros({dout}, torch::kFloat64)));
        if (constraint == Constraint::ResidualPathway) {
            freeWeights_.push_back(register_parameter(
                "wf" + suffix, torch::randn({dout, din}, torch::kFloat64) * (0.1 * gain)));
            freeBiases_.push_back(
                register_parameter("bf" + suffix, torch::zeros({dout}, torch::kFloat64)));
        }
        info_.push_back(std::move(info));
    }
}

torch::Tensor SoftEquivariantMlpImpl::weight(std::size_t l) const {
    switch (constraint_) {
    case Constraint::Soft:
        return weights_[l];
    case Constraint::Hard:
        return info_[l].projectors[0].projectWeight(weights_[l]);
    case Constraint::ResidualPathway:
        return info_[l].projectors[0].projectWeight(weights_[l]) + freeWeights_[l];
    }
    return {};
}

torch::Tensor SoftEquivariantMlpImpl::bias(std::size_t l) const {
    switch (constraint_) {
    case Constraint::Soft:
        return biases_[l];
    case Constraint::Hard:
        return info_[l].projectors[0].projectBias(biases_[l]);
    case Constraint::ResidualPathway:
        return info_[l].projectors[0].projectBias(biases_[l]) + freeBiases_[l];
    }
    return {};
}

torch::Tensor SoftEquivariantMlpImpl::scaleFree(const torch::Tensor& x) const {
    std::vector<torch::Tensor> parts;
    torch::Tensor squared = torch::zeros({x.size(0), 1}, x.options());
    int64_t at = 0, vectors = 0;
    for (const Layout::Part& p : input_.parts) {
        const int64_t n = dimension(p.channel) * p.copies;
        parts.push_back(x.narrow(1, at, n));
        if (p.channel == Channel::Vector) {
            squared = squared + parts.back().pow(2).sum(1, true);
            vectors += p.copies;
        }
        at += n;
    }
    const torch::Tensor s = (squared / std::max<int64_t>(vectors, 1)).sqrt().clamp_min(1e-12);
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const Channel c = input_.parts[k].channel;
        if (c != Channel::Scalar) parts[k] = parts[k] / (c == Channel::Vector ? s : s * s);
    }
    return torch::cat(parts, 1);
}

torch::Tensor SoftEquivariantMlpImpl::forward(const torch::Tensor& x) {
    torch::Tensor h = scaleFreeInput_ ? torch::cat({scaleFree(x), x}, 1) : x;
    for (std::size_t l = 0; l < info_.size(); ++l) {
        h = torch::matmul(h, weight(l).t()) + bias(l);
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
        r[j] = torch::zeros({}, weights_[0].options());
        for (std::size_t l = 0; l < info_.size(); ++l)
            r[j] = r[j] + info_[l].projectors[j].regularizer(weight(l), bias(l));
    }
    return r;
}

torch::Tensor SoftEquivariantMlpImpl::residualNorm() const {
    torch::Tensor sum = torch::zeros({}, weights_[0].options());
    for (std::size_t l = 0; l < freeWeights_.size(); ++l)
        sum = sum + 0.5 * (freeWeights_[l].pow(2).sum() + freeBiases_[l].pow(2).sum());
    return sum;
}

void SoftEquivariantMlpImpl::project(std::size_t group) {
    if (constraint_ == Constraint::Hard)
        throw Error("a hard-constrained model always uses its reference group's projection");
    torch::NoGradGuard noGrad;
    for (std::size_t l = 0; l < info_.size(); ++l) {
        const torch::Tensor w = info_[l].projectors[group].projectWeight(weight(l));
        const torch::Tensor b = info_[l].projectors[group].projectBias(bias(l));
        if (constraint_ == Constraint::ResidualPathway) {
            // All of it through the free pathway: P_0 0 + W_free = P_j W.
            freeWeights_[l].copy_(w);
            freeBiases_[l].copy_(b);
            weights_[l].zero_();
            biases_[l].zero_();
        } else {
            weights_[l].copy_(w);
            biases_[l].copy_(b);
        }
    }
}

} // namespace equiscope::per
