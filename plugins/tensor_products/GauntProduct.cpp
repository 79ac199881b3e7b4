#include "tensor_products/GauntProduct.h"

#include "harmonics/SphericalHarmonics.h"
#include "harmonics/Wigner3j.h"
#include "tensor_products/SphericalFourier.h"
#include "util/Error.h"

#include <torch/torch.h>

namespace equiscope::tp {

namespace {

void requireLayout(const at::Tensor& t, int lmax, const char* name) {
    if (lmax < 0 || t.dim() < 1 || t.size(-1) != shDimension(lmax))
        throw Error(std::string("tensor product: ") + name + " must be [..., " +
                    std::to_string(shDimension(std::max(lmax, 0))) + "] for lmax " +
                    std::to_string(lmax));
}

// The smallest n >= minimum whose only prime factors are 2, 3 and 5 (fast FFT sizes).
int64_t fastFftSize(int64_t minimum) {
    for (int64_t n = minimum;; ++n) {
        int64_t m = n;
        for (int64_t p : {2, 3, 5})
            while (m % p == 0) m /= p;
        if (m == 1) return n;
    }
}

std::vector<int64_t> leadingShape(const at::Tensor& t) {
    return t.sizes().slice(0, t.dim() - 1).vec();
}

} // namespace

at::Tensor gauntProductFft(const at::Tensor& x, int l1max, const at::Tensor& y, int l2max,
                           int l3max) {
    requireLayout(x, l1max, "x");
    requireLayout(y, l2max, "y");
    const torch::Tensor fx = shToFourierBatched(x, l1max), fy = shToFourierBatched(y, l2max);
    const int64_t linear = 2 * (l1max + l2max) + 1; // size of the exact linear convolution
    const int64_t n = fastFftSize(linear);
    const std::vector<int64_t> s = {n, n};
    const torch::Tensor product =
        torch::fft::ifft2(torch::fft::fft2(fx, s) * torch::fft::fft2(fy, s));
    const torch::Tensor grid = product.slice(-2, 0, linear).slice(-1, 0, linear);
    return fourierToShBatched(grid, l3max);
}

at::Tensor gauntPowerFft(const at::Tensor& x, int lmax, int nu, int lmaxOut) {
    requireLayout(x, lmax, "x");
    if (nu < 1) throw Error("tensor product: the number of factors must be at least 1");
    const int64_t linear = 2 * nu * lmax + 1;
    const int64_t n = fastFftSize(linear);
    const torch::Tensor spectrum = torch::fft::fft2(shToFourierBatched(x, lmax), {n, n});
    torch::Tensor power = spectrum;
    for (int k = 1; k < nu; ++k) power = power * spectrum;
    const torch::Tensor grid = torch::fft::ifft2(power).slice(-2, 0, linear).slice(-1, 0, linear);
    return fourierToShBatched(grid, lmaxOut);
}

DenseGauntProduct::DenseGauntProduct(int l1max, int l2max, int l3max, const at::Tensor& like)
    : l1max_(l1max), l2max_(l2max), l3max_(l3max) {
    if (l1max < 0 || l2max < 0 || l3max < 0) throw Error("dense gaunt: negative lmax");
    const int64_t n1 = shDimension(l1max), n2 = shDimension(l2max), n3 = shDimension(l3max);
    constexpr int64_t kMaxCoefficients = int64_t(1) << 27; // 1 GiB of float64
    if (n1 * n2 * n3 > kMaxCoefficients)
        throw Error("gaunt-dense: " + std::to_string(l1max) + " x " + std::to_string(l2max) +
                    " -> " + std::to_string(l3max) + " needs " + std::to_string(n1 * n2 * n3) +
                    " coefficients (over 1 GiB); use gaunt or gaunt-grid");
    torch::Tensor g = torch::zeros({n1, n2, n3}, torch::kDouble);
    auto a = g.accessor<double, 3>();
    for (int l1 = 0; l1 <= l1max; ++l1)
        for (int l2 = 0; l2 <= l2max; ++l2)
            for (int l3 = std::abs(l1 - l2); l3 <= std::min(l1 + l2, l3max); ++l3) {
                if ((l1 + l2 + l3) % 2) continue;
                const CouplingTensor c = gaunt(l1, l2, l3);
                for (int i = 0; i < 2 * l1 + 1; ++i)
                    for (int j = 0; j < 2 * l2 + 1; ++j)
                        for (int k = 0; k < 2 * l3 + 1; ++k)
                            a[l1 * l1 + i][l2 * l2 + j][l3 * l3 + k] = c.at(i, j, k);
            }
    coefficients_ = g.view({n1 * n2, n3}).to(like.options());
}

at::Tensor DenseGauntProduct::operator()(const at::Tensor& x, const at::Tensor& y) const {
    requireLayout(x, l1max_, "x");
    requireLayout(y, l2max_, "y");
    const int64_t n1 = x.size(-1), n2 = y.size(-1);
    std::vector<int64_t> shape = leadingShape(x);
    shape.push_back(shDimension(l3max_));
    const torch::Tensor outer = x.reshape({-1, n1, 1}) * y.reshape({-1, 1, n2});
    return torch::matmul(outer.reshape({-1, n1 * n2}), coefficients_).reshape(shape);
}

at::Tensor scaleDegrees(const at::Tensor& x, int lmax, const std::vector<double>& weights) {
    requireLayout(x, lmax, "x");
    if (weights.size() != static_cast<std::size_t>(lmax + 1))
        throw Error("tensor product: expected one weight per degree 0.." + std::to_string(lmax));
    std::vector<double> perComponent;
    for (int l = 0; l <= lmax; ++l) perComponent.insert(perComponent.end(), 2 * l + 1, weights[l]);
    return x * torch::tensor(perComponent, torch::kDouble).to(x.options());
}

} // namespace equiscope::tp
