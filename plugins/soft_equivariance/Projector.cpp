#include "Projector.h"

namespace equiscope::per {

int Layout::dim() const {
    int d = 0;
    for (const Part& p : parts) d += dimension(p.channel) * p.copies;
    return d;
}

namespace {

torch::Tensor projectorFrom(const Eigen::MatrixXd& basis) {
    const Eigen::MatrixXd p = basis * basis.transpose();
    torch::Tensor t = torch::empty({p.rows(), p.cols()}, torch::kFloat64);
    auto a = t.accessor<double, 2>();
    for (Eigen::Index i = 0; i < p.rows(); ++i)
        for (Eigen::Index j = 0; j < p.cols(); ++j) a[i][j] = p(i, j);
    return t;
}

} // namespace

LayerProjector::LayerProjector(const CandidateGroup& group, const Layout& in, const Layout& out) {
    int64_t row = 0;
    for (const Layout::Part& o : out.parts) {
        int64_t col = 0;
        for (const Layout::Part& i : in.parts) {
            blocks_.push_back(
                {row, col, o.copies, i.copies, dimension(o.channel), dimension(i.channel),
                 projectorFrom(equivariantBasis(group, i.channel, o.channel, i.weight, o.weight))});
            col += static_cast<int64_t>(dimension(i.channel)) * i.copies;
        }
        // Invariant bias directions: equivariant maps from a scalar into this channel type.
        bias_.push_back(
            {row, o.copies, dimension(o.channel),
             projectorFrom(equivariantBasis(group, Channel::Scalar, o.channel, 0, o.weight))});
        row += static_cast<int64_t>(dimension(o.channel)) * o.copies;
    }
}

torch::Tensor LayerProjector::projectWeight(const torch::Tensor& w) const {
    torch::Tensor out = torch::zeros_like(w);
    for (const Block& b : blocks_) {
        // [mb*db, ma*da] -> [mb, ma, db*da]: every copy pair is one small matrix.
        const torch::Tensor sub = w.narrow(0, b.rowOffset, b.outCopies * b.outDim)
                                      .narrow(1, b.colOffset, b.inCopies * b.inDim);
        const torch::Tensor pairs = sub.reshape({b.outCopies, b.outDim, b.inCopies, b.inDim})
                                        .permute({0, 2, 1, 3})
                                        .reshape({b.outCopies, b.inCopies, b.outDim * b.inDim});
        const torch::Tensor projected = torch::matmul(pairs, b.projector.to(w.options()));
        out.narrow(0, b.rowOffset, b.outCopies * b.outDim)
            .narrow(1, b.colOffset, b.inCopies * b.inDim)
            .copy_(projected.reshape({b.outCopies, b.inCopies, b.outDim, b.inDim})
                       .permute({0, 2, 1, 3})
                       .reshape(sub.sizes()));
    }
    return out;
}

torch::Tensor LayerProjector::projectBias(const torch::Tensor& bias) const {
    torch::Tensor out = torch::zeros_like(bias);
    for (const BiasBlock& b : bias_) {
        const torch::Tensor sub =
            bias.narrow(0, b.offset, b.copies * b.dim).reshape({b.copies, b.dim});
        out.narrow(0, b.offset, b.copies * b.dim)
            .copy_(torch::matmul(sub, b.projector.to(bias.options())).reshape({-1}));
    }
    return out;
}

torch::Tensor LayerProjector::regularizer(const torch::Tensor& w, const torch::Tensor& b) const {
    return 0.5 * (w - projectWeight(w)).pow(2).sum() + 0.5 * (b - projectBias(b)).pow(2).sum();
}

int64_t LayerProjector::equivariantDimension() const {
    int64_t d = 0;
    for (const Block& b : blocks_)
        d += b.outCopies * b.inCopies *
             static_cast<int64_t>(std::llround(b.projector.trace().item<double>()));
    return d;
}

} // namespace equiscope::per

namespace equiscope::per {

std::vector<torch::Tensor*> LayerProjector::tensors() {
    std::vector<torch::Tensor*> out;
    for (Block& b : blocks_) out.push_back(&b.projector);
    for (BiasBlock& b : bias_) out.push_back(&b.projector);
    return out;
}

} // namespace equiscope::per
