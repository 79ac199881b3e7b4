#include "tensor_products/CgProduct.h"

#include "harmonics/SphericalHarmonics.h"
#include "harmonics/Wigner3j.h"
#include "util/Error.h"

#include <algorithm>
#include <torch/torch.h>

namespace equiscope::tp {

double gauntPathWeight(int l1, int l2, int l3) {
    return gauntWeight(l1, l2, l3);
}

double unitPathWeight(int l1, int l2, int l3) {
    return triangleHolds(l1, l2, l3) ? 1.0 : 0.0;
}

CgTensorProduct::CgTensorProduct(int l1max, int l2max, int l3max, const PathWeight& weight,
                                 const at::Tensor& like)
    : l1max_(l1max), l2max_(l2max), l3max_(l3max) {
    if (l1max < 0 || l2max < 0 || l3max < 0) throw Error("cg tensor product: negative lmax");
    if (std::max({l1max, l2max, l3max}) > kMaxCgDegree)
        throw Error("cg tensor product: degrees above " + std::to_string(kMaxCgDegree) +
                    " would take minutes (the CG product is O(L^6)); use a Gaunt product");
    for (int l3 = 0; l3 <= l3max; ++l3)
        for (int l1 = 0; l1 <= l1max; ++l1)
            for (int l2 = std::abs(l1 - l3); l2 <= std::min(l2max, l1 + l3); ++l2) {
                const double w = weight(l1, l2, l3);
                if (w == 0.0) continue;
                const CouplingTensor& c = wigner3j(l1, l2, l3);
                const torch::Tensor coupling = w * torch::tensor(c.values, torch::kDouble)
                                                       .view({2 * l1 + 1, -1})
                                                       .to(like.options());
                paths_.push_back({l1, l2, l3, coupling});
            }
}

at::Tensor CgTensorProduct::operator()(const at::Tensor& x, const at::Tensor& y) const {
    if (x.size(-1) != shDimension(l1max_) || y.size(-1) != shDimension(l2max_))
        throw Error("cg tensor product: the inputs do not match lmax1 / lmax2");
    const torch::Tensor a = x.reshape({-1, x.size(-1)}), b = y.reshape({-1, y.size(-1)});
    std::vector<torch::Tensor> blocks;
    for (int l3 = 0; l3 <= l3max_; ++l3)
        blocks.push_back(torch::zeros({a.size(0), 2 * l3 + 1}, a.options()));
    for (const Path& p : paths_) {
        const int d2 = 2 * p.l2 + 1, d3 = 2 * p.l3 + 1;
        // (x_l1 C) then contract with y_l2: B·d1·d2·d3 multiplications per path.
        const torch::Tensor xc = torch::matmul(a.narrow(1, p.l1 * p.l1, 2 * p.l1 + 1), p.coupling);
        const torch::Tensor yl = b.narrow(1, p.l2 * p.l2, d2).unsqueeze(1);
        blocks[static_cast<std::size_t>(p.l3)] += torch::bmm(yl, xc.view({-1, d2, d3})).squeeze(1);
    }
    std::vector<int64_t> shape = x.sizes().slice(0, x.dim() - 1).vec();
    shape.push_back(shDimension(l3max_));
    return torch::cat(blocks, 1).reshape(shape);
}

} // namespace equiscope::tp
