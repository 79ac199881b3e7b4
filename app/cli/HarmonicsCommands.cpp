// equiscope-cli sh and tp: spherical harmonics of points and tensor products of coefficient
// arrays, as .npy files in e3nn's layout (l = 0..L, m = -l..l), float64 out.

#include "Arguments.h"
#include "Commands.h"
#include "TensorProductBench.h"
#include "harmonics/SphericalHarmonics.h"
#include "io/NpyArray.h"
#include "tensor_products/CgProduct.h"
#include "tensor_products/GauntProduct.h"
#include "tensor_products/GridGauntProduct.h"
#include "util/Error.h"

#include <iostream>
#include <torch/torch.h>

namespace equiscope::cli {

namespace {

// A [rows, columns] array from `path`, with the columns it must have.
NpyArray readMatrix(const std::string& path, int64_t columns, const std::string& what) {
    NpyArray a = readNpyFile(path);
    if (a.shape.size() != 2 || a.shape[1] != columns)
        throw Error(path + ": expected " + what + " of shape [N, " + std::to_string(columns) +
                    "], got " + std::to_string(a.shape.size()) + " dimensions" +
                    (a.shape.size() == 2 ? " and " + std::to_string(a.shape[1]) + " columns" : ""));
    return a;
}

torch::Tensor tensorOf(const NpyArray& a) {
    return torch::tensor(a.values, torch::kDouble).view({a.shape[0], a.shape[1]});
}

void writeTensor(const std::string& path, const torch::Tensor& t) {
    const torch::Tensor c = t.to(torch::kCPU, torch::kDouble).contiguous();
    writeNpyFile(path, std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel()),
                 c.sizes().vec(), true);
}

int degree(const Arguments& args, const std::string& key) {
    if (!args.has(key)) throw Error("--" + key + " is required");
    return static_cast<int>(args.integer(key, 0, 0, kMaxTensorProductDegree));
}

int runSh(const std::vector<std::string>& argv) {
    const Arguments args(argv, {"lmax", "points", "normalization", "out"}, {});
    if (!args.has("points") || !args.has("out"))
        throw Error("usage: equiscope-cli sh --lmax L --points P.npy [--normalization "
                    "integral|norm|component] --out Y.npy");
    const int lmax = degree(args, "lmax");
    const ShNormalization n = parseShNormalization(args.get("normalization", "integral"));
    const NpyArray p = readMatrix(args.get("points"), 3, "points");
    Eigen::MatrixX3d points(p.shape[0], 3);
    for (int64_t i = 0; i < p.shape[0]; ++i)
        for (int k = 0; k < 3; ++k) points(i, k) = p.values[static_cast<std::size_t>(i * 3 + k)];
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> y =
        sphericalHarmonics(lmax, points, n);
    writeNpyFile(args.get("out"), std::vector<double>(y.data(), y.data() + y.size()),
                 {y.rows(), y.cols()}, true);
    std::cout << "wrote " << args.get("out") << ": " << y.rows() << " x " << y.cols() << " (l = 0.."
              << lmax << ", " << shNormalizationName(n) << ")\n";
    return kExitOk;
}

int runProduct(const std::vector<std::string>& argv) {
    const Arguments args(argv, {"kind", "lmax1", "lmax2", "lmax-out", "x", "y", "out"}, {});
    if (!args.has("x") || !args.has("y") || !args.has("out"))
        throw Error(
            "usage: equiscope-cli tp --kind gaunt|gaunt-dense|gaunt-grid|cg --lmax1 L1 --lmax2 L2 "
            "--lmax-out L3 --x X.npy --y Y.npy --out Z.npy");
    const int l1 = degree(args, "lmax1"), l2 = degree(args, "lmax2"), l3 = degree(args, "lmax-out");
    const std::string kind = args.get("kind", "gaunt");
    const torch::Tensor x = tensorOf(readMatrix(args.get("x"), shDimension(l1), "X"));
    const torch::Tensor y = tensorOf(readMatrix(args.get("y"), shDimension(l2), "Y"));
    if (x.size(0) != y.size(0))
        throw Error("tp: X has " + std::to_string(x.size(0)) + " rows and Y " +
                    std::to_string(y.size(0)) + "; they must match");
    torch::Tensor z;
    if (kind == "gaunt")
        z = tp::gauntProductFft(x, l1, y, l2, l3);
    else if (kind == "gaunt-dense")
        z = tp::DenseGauntProduct(l1, l2, l3, x)(x, y);
    else if (kind == "gaunt-grid")
        z = tp::GridGauntProduct(l1, l2, l3, x)(x, y);
    else if (kind == "cg")
        z = tp::CgTensorProduct(l1, l2, l3, tp::gauntPathWeight, x)(x, y);
    else
        throw Error("tp: --kind must be gaunt, gaunt-dense, gaunt-grid or cg, got '" + kind + "'");
    writeTensor(args.get("out"), z);
    std::cout << "wrote " << args.get("out") << ": " << z.size(0) << " x " << z.size(1) << " ("
              << kind << ", " << l1 << " x " << l2 << " -> " << l3 << ")\n";
    return kExitOk;
}

} // namespace

int runSphericalHarmonics(const std::vector<std::string>& args) {
    return guarded("sh", [&] { return runSh(args); });
}

int runTensorProduct(const std::vector<std::string>& args) {
    return guarded("tp", [&] {
        if (!args.empty() && args[0] == "bench")
            return runTensorProductBench(std::vector<std::string>(args.begin() + 1, args.end()));
        return runProduct(args);
    });
}

} // namespace equiscope::cli
