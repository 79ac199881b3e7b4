#include "tensor_products/GridGauntProduct.h"

#include "harmonics/SphereQuadrature.h"
#include "harmonics/SphericalHarmonics.h"
#include "util/Error.h"

#include <cmath>
#include <torch/torch.h>

namespace equiscope::tp {

GridGauntProduct::GridGauntProduct(int l1max, int l2max, int l3max, const at::Tensor& like) {
    if (l1max < 0 || l2max < 0 || l3max < 0) throw Error("grid gaunt: negative lmax");
    const int total = l1max + l2max + l3max; // degree of the integrand
    nTheta_ = total / 2 + 1;
    nPhi_ = total + 1;
    Eigen::VectorXd nodes, weights;
    gaussLegendre(nTheta_, nodes, weights);
    in1_ = degree(l1max, nodes, like);
    in2_ = degree(l2max, nodes, like);
    out_ = degree(l3max, nodes, like);
    quadrature_ =
        (torch::tensor(std::vector<double>(weights.data(), weights.data() + weights.size()),
                       torch::kDouble) *
         (2.0 * M_PI / nPhi_))
            .to(like.options());
}

GridGauntProduct::Degree GridGauntProduct::degree(int lmax, const Eigen::VectorXd& nodes,
                                                  const at::Tensor& like) const {
    const int width = 2 * lmax + 1;
    torch::Tensor legendre = torch::zeros({lmax + 1, width, nTheta_}, torch::kDouble);
    auto p = legendre.accessor<double, 3>();
    for (int j = 0; j < nTheta_; ++j) {
        const double c = nodes[j], s = std::sqrt(std::max(0.0, 1.0 - c * c));
        const Eigen::MatrixXd kq = normalizedLegendreQ(lmax, c);
        for (int l = 0; l <= lmax; ++l)
            for (int m = -l; m <= l; ++m) {
                const int a = std::abs(m);
                p[l][m + lmax][j] = (m == 0 ? 1.0 : M_SQRT2) * kq(l, a) * std::pow(s, a);
            }
    }
    torch::Tensor azimuth = torch::zeros({width, nPhi_}, torch::kDouble);
    auto f = azimuth.accessor<double, 2>();
    for (int m = -lmax; m <= lmax; ++m)
        for (int k = 0; k < nPhi_; ++k) {
            const double phi = 2.0 * M_PI * k / nPhi_;
            f[m + lmax][k] = m > 0 ? std::cos(m * phi) : m < 0 ? std::sin(-m * phi) : 1.0;
        }
    std::vector<int64_t> positions;
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m) positions.push_back(l * width + m + lmax);
    return {lmax, legendre.to(like.options()), azimuth.to(like.options()),
            torch::tensor(positions, torch::kLong).to(like.device())};
}

at::Tensor GridGauntProduct::synthesise(const at::Tensor& sh, const Degree& d) const {
    const int64_t width = 2 * d.lmax + 1;
    if (sh.size(-1) != shDimension(d.lmax))
        throw Error("grid gaunt: expected [..., " + std::to_string(shDimension(d.lmax)) +
                    "] coefficients");
    const torch::Tensor flat = sh.reshape({-1, sh.size(-1)});
    const torch::Tensor padded = torch::zeros({flat.size(0), (d.lmax + 1) * width}, flat.options())
                                     .index_copy(1, d.positions, flat)
                                     .view({-1, d.lmax + 1, width});
    const torch::Tensor perOrder = torch::einsum("blm,lmj->bjm", {padded, d.legendre});
    return torch::matmul(perOrder, d.azimuth); // [B, nθ, nφ]
}

at::Tensor GridGauntProduct::operator()(const at::Tensor& x, const at::Tensor& y) const {
    const torch::Tensor values = synthesise(x, in1_) * synthesise(y, in2_);
    const torch::Tensor perOrder =
        torch::matmul(values, out_.azimuth.t()) * quadrature_.view({1, -1, 1}); // [B, nθ, 2L+1]
    const torch::Tensor padded = torch::einsum("bjm,lmj->blm", {perOrder, out_.legendre});
    const int64_t width = 2 * out_.lmax + 1;
    std::vector<int64_t> shape = x.sizes().slice(0, x.dim() - 1).vec();
    shape.push_back(shDimension(out_.lmax));
    return padded.reshape({-1, (out_.lmax + 1) * width})
        .index_select(1, out_.positions)
        .reshape(shape);
}

} // namespace equiscope::tp
