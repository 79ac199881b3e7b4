#include "tensor_products/BatchedHarmonics.h"

#include "util/Error.h"

#include <cmath>
#include <torch/torch.h>

namespace equiscope::tp {

at::Tensor sphericalHarmonicsBatched(const at::Tensor& vectors, int lmax) {
    if (vectors.dim() < 1 || vectors.size(-1) != 3 || lmax < 0 || lmax > 64)
        throw Error("spherical harmonics: expected [..., 3] vectors and lmax 0..64");
    const torch::Tensor r = vectors.norm(2, -1, true);
    const torch::Tensor unit = vectors / r.clamp_min(1e-30);
    const torch::Tensor nonZero = (r > 0).to(vectors.scalar_type()).squeeze(-1);
    // e3nn's (x, y, z) are the textbook (Y, Z, X): y is the polar axis.
    const torch::Tensor X = unit.select(-1, 2), Y = unit.select(-1, 0), Z = unit.select(-1, 1);
    std::vector<std::vector<torch::Tensor>> blocks(static_cast<std::size_t>(lmax + 1));
    for (int l = 0; l <= lmax; ++l) blocks[l].resize(static_cast<std::size_t>(2 * l + 1));
    torch::Tensor cosine = torch::ones_like(X), sine = torch::zeros_like(X); // Re, Im (X + iY)^m
    double doubleFactorial = 1.0;
    for (int m = 0; m <= lmax; ++m) {
        if (m > 0) {
            const torch::Tensor c = cosine * X - sine * Y;
            sine = sine * X + cosine * Y;
            cosine = c;
            doubleFactorial *= 2 * m - 1;
        }
        torch::Tensor previous, current = torch::full_like(X, doubleFactorial); // Q_m^m
        double ratio = 1.0; // (l - m)! / (l + m)!
        for (int k = 1; k <= 2 * m; ++k) ratio /= k;
        for (int l = m; l <= lmax; ++l) {
            if (l == m + 1) {
                previous = current;
                current = Z * (2 * m + 1) * current;
            } else if (l > m + 1) {
                const torch::Tensor next =
                    ((2 * l - 1) * Z * current - (l + m - 1) * previous) / (l - m);
                previous = current;
                current = next;
            }
            if (l > m) ratio *= static_cast<double>(l - m) / (l + m);
            const double k = std::sqrt((2 * l + 1) / (4.0 * M_PI) * ratio);
            const torch::Tensor weight = l == 0 ? current * k : current * k * nonZero;
            if (m == 0) {
                blocks[l][l] = weight;
            } else {
                blocks[l][l + m] = M_SQRT2 * weight * cosine;
                blocks[l][l - m] = M_SQRT2 * weight * sine;
            }
        }
    }
    std::vector<torch::Tensor> all;
    for (const auto& b : blocks) all.insert(all.end(), b.begin(), b.end());
    return torch::stack(all, -1);
}

} // namespace equiscope::tp
