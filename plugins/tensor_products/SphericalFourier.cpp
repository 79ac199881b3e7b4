#include "tensor_products/SphericalFourier.h"

#include "harmonics/FourierBasis.h"
#include "harmonics/SphericalHarmonics.h"
#include "util/Error.h"

#include <map>
#include <mutex>
#include <torch/torch.h>

namespace equiscope::tp {

namespace {

// Degree-major padded layout [l, m + L] of the flat index l² + l + m.
torch::Tensor paddedPositions(int lmax) {
    std::vector<int64_t> at;
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m) at.push_back(l * (2 * lmax + 1) + m + lmax);
    return torch::tensor(at, torch::kLong);
}

// A table [(L+1), (2L+1), T] of complex values as a complex tensor, in padded layout.
torch::Tensor paddedTable(const std::vector<ComplexVector>& flat, int lmax, int64_t width) {
    torch::Tensor re = torch::zeros({lmax + 1, 2 * lmax + 1, width}, torch::kDouble);
    torch::Tensor im = torch::zeros_like(re);
    auto r = re.accessor<double, 3>(), i = im.accessor<double, 3>();
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m)
            for (int64_t t = 0; t < width; ++t) {
                const std::complex<double> v = flat[static_cast<std::size_t>(l * l + l + m)][t];
                r[l][m + lmax][t] = v.real();
                i[l][m + lmax][t] = v.imag();
            }
    return torch::complex(re, im);
}

struct Tables {
    torch::Tensor plus, minus, positions;
};

// Converted once per (kind, degrees, device, dtype); tensors are read-only afterwards.
const Tables& tables(char kind, int gridDegree, int lmax, const torch::TensorOptions& options) {
    static std::mutex mutex;
    static std::map<std::string, Tables> cache;
    const std::string key = std::string(1, kind) + std::to_string(gridDegree) + "," +
                            std::to_string(lmax) + options.device().str() +
                            std::string(c10::toString(options.dtype().toScalarType()));
    std::lock_guard<std::mutex> lock(mutex);
    auto found = cache.find(key);
    if (found != cache.end()) return found->second;
    const auto complexType =
        options.dtype() == torch::kFloat ? torch::kComplexFloat : torch::kComplexDouble;
    Tables t;
    if (kind == 's') {
        const ShToFourier& s = shToFourierTable(lmax);
        t.plus = paddedTable(s.plus, lmax, 2 * lmax + 1);
        t.minus = paddedTable(s.minus, lmax, 2 * lmax + 1);
        t.plus.select(1, lmax).mul_(0.5); // m = 0 is counted twice by the fold below
    } else {
        const FourierToSh& f = fourierToShTable(gridDegree, lmax);
        t.plus = paddedTable(f.plus, lmax, 2 * gridDegree + 1);
        t.minus = paddedTable(f.minus, lmax, 2 * gridDegree + 1);
    }
    t.plus = t.plus.to(options.device(), complexType);
    t.minus = t.minus.to(options.device(), complexType);
    t.positions = paddedPositions(lmax).to(options.device());
    return cache.emplace(key, t).first->second;
}

torch::Tensor complexOf(const torch::Tensor& real) {
    return torch::complex(real, torch::zeros_like(real));
}

} // namespace

at::Tensor shToFourierBatched(const at::Tensor& sh, int lmax) {
    const int64_t n = shDimension(lmax), width = 2 * lmax + 1;
    if (sh.dim() < 1 || sh.size(-1) != n)
        throw Error("sh2f: expected [..., " + std::to_string(n) + "] coefficients");
    const auto lead = sh.sizes().slice(0, sh.dim() - 1).vec();
    const torch::Tensor flat = sh.reshape({-1, n});
    const Tables& t = tables('s', 0, lmax, flat.options());
    torch::Tensor padded = torch::zeros({flat.size(0), (lmax + 1) * width}, flat.options());
    padded = padded.index_copy(1, t.positions, flat).view({-1, lmax + 1, width});
    const torch::Tensor x = complexOf(padded);
    // S[b, m, t]: each m's θ-series; m and -m share the columns ±|m|, so fold m onto |m|.
    const torch::Tensor plus = torch::einsum("blm,lmt->bmt", {x, t.plus});
    const torch::Tensor minus = torch::einsum("blm,lmt->bmt", {x, t.minus});
    const torch::Tensor foldedPlus = plus + plus.flip({1});    // at index L + k: column +k
    const torch::Tensor foldedMinus = minus + minus.flip({1}); // at index L + k: column -k
    const torch::Tensor v = torch::arange(-lmax, lmax + 1, flat.options().dtype(torch::kLong));
    const torch::Tensor nonNegative = (v >= 0).view({1, width, 1});
    const torch::Tensor grid = torch::where(nonNegative, foldedPlus, foldedMinus.flip({1}));
    std::vector<int64_t> shape = lead;
    shape.push_back(width);
    shape.push_back(width);
    return grid.transpose(1, 2).reshape(shape); // [b, t, v]
}

at::Tensor fourierToShBatched(const at::Tensor& grid, int lmax) {
    if (grid.dim() < 2 || grid.size(-1) != grid.size(-2) || grid.size(-1) % 2 == 0)
        throw Error("f2sh: expected [..., n, n] grids of odd size n");
    const int64_t size = grid.size(-1), g = size / 2, width = 2 * lmax + 1;
    auto lead = grid.sizes().slice(0, grid.dim() - 2).vec();
    const torch::Tensor flat = grid.reshape({-1, size, size});
    const auto realType =
        flat.scalar_type() == torch::kComplexFloat ? torch::kFloat : torch::kDouble;
    const Tables& t = tables('f', static_cast<int>(g), lmax, flat.options().dtype(realType));
    // Columns ±|m| of the grid for every signed m (zero where |m| > G).
    std::vector<int64_t> plusColumns, minusColumns;
    for (int m = -lmax; m <= lmax; ++m) {
        const int64_t k = std::abs(m);
        plusColumns.push_back(k > g ? size : g + k); // column `size` is the zero column below
        minusColumns.push_back(k > g ? size : g - k);
    }
    const torch::Tensor extended =
        torch::cat({flat, torch::zeros({flat.size(0), size, 1}, flat.options())}, 2);
    const auto index = [&](const std::vector<int64_t>& c) {
        return extended.index_select(2, torch::tensor(c, torch::kLong).to(flat.device()));
    };
    const torch::Tensor y = torch::einsum("btm,lmt->blm", {index(plusColumns), t.plus}) +
                            torch::einsum("btm,lmt->blm", {index(minusColumns), t.minus});
    const torch::Tensor out =
        torch::real(y).reshape({-1, (lmax + 1) * width}).index_select(1, t.positions);
    lead.push_back(shDimension(lmax));
    return out.reshape(lead);
}

} // namespace equiscope::tp
