// The batched tensor products of plugins/tensor_products, as properties: the FFT Gaunt
// product equals the dense contraction and an independent quadrature of the function
// product; CG with Gaunt weights equals Gaunt; both are equivariant; Gaunt has no odd paths.
#include "BuiltinModels.h"
#include "groups/Group.h"
#include "harmonics/FourierBasis.h"
#include "harmonics/SphereQuadrature.h"
#include "harmonics/SphericalHarmonics.h"
#include "harmonics/WignerD.h"
#include "metrics/Equivariance.h"
#include "scene/DemoScene.h"
#include "tensor_products/CgProduct.h"
#include "tensor_products/GauntProduct.h"
#include "tensor_products/GridGauntProduct.h"
#include "tensor_products/SphericalFourier.h"

#include <QtTest>
#include <torch/torch.h>

using namespace equiscope;

namespace {

torch::Tensor randomSh(int64_t batch, int lmax, int64_t seed, torch::Dtype dtype = torch::kDouble) {
    torch::manual_seed(static_cast<uint64_t>(seed));
    return torch::randn({batch, shDimension(lmax)}, torch::TensorOptions().dtype(dtype));
}

double relativeError(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).norm().item<double>() / std::max(1e-300, b.norm().item<double>());
}

// The block-diagonal D^0 ⊕ … ⊕ D^lmax as a tensor, acting on rows of coefficients.
torch::Tensor rotationOfCoefficients(int lmax, const Eigen::Matrix3d& r) {
    const auto blocks = wignerDBlocks(lmax, r);
    torch::Tensor d = torch::zeros({shDimension(lmax), shDimension(lmax)}, torch::kDouble);
    for (int l = 0; l <= lmax; ++l)
        for (int i = 0; i < 2 * l + 1; ++i)
            for (int j = 0; j < 2 * l + 1; ++j)
                d[l * l + i][l * l + j] = blocks[static_cast<std::size_t>(l)](i, j);
    return d;
}

double meanError(const std::string& kind, const std::string& output, const std::string& group) {
    auto model = builtinModels().create(
        "tensor_product",
        {{"kind", kind}, {"output_irreps", output}, {"lmax", "3"}, {"channels", "4"}});
    EvaluationOptions o;
    o.samples = 8; // E3 draws a reflection with probability 1/2
    o.float64 = true;
    static const Sample data = sampleShape(DemoShape::Composite, 60, 3);
    return Evaluator(*model, data, o).check(*makeGroup(group)).meanError;
}

torch::Tensor rotate(const torch::Tensor& x, const torch::Tensor& d) {
    return torch::matmul(x, d.t());
}

} // namespace

class TestTensorProducts : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void batchedTablesMatchTheHostTables() {
        const int lmax = 6;
        const torch::Tensor x = randomSh(3, lmax, 1);
        const torch::Tensor grid = tp::shToFourierBatched(x, lmax);
        QCOMPARE(grid.size(1), 2 * lmax + 1);
        for (int b = 0; b < 3; ++b) {
            Eigen::VectorXd host(shDimension(lmax));
            for (int i = 0; i < host.size(); ++i) host[i] = x[b][i].item<double>();
            const Eigen::MatrixXcd expected = shToFourier(host, lmax);
            for (int t = 0; t < 2 * lmax + 1; ++t)
                for (int v = 0; v < 2 * lmax + 1; ++v) {
                    const auto got = grid[b][t][v];
                    QVERIFY(std::abs(torch::real(got).item<double>() - expected(t, v).real()) <
                            1e-13);
                    QVERIFY(std::abs(torch::imag(got).item<double>() - expected(t, v).imag()) <
                            1e-13);
                }
        }
        QVERIFY(relativeError(tp::fourierToShBatched(grid, lmax), x) < 1e-12);
    }

    // methods.md §6(e)(1): FFT = dense to 1e-10 in float64, for L <= 8, batch and channels.
    void fftEqualsDenseContraction() {
        for (int lmax : {1, 2, 4, 8}) {
            const torch::Tensor x = randomSh(6, lmax, lmax).view({3, 2, -1});
            const torch::Tensor y = randomSh(6, lmax, lmax + 100).view({3, 2, -1});
            for (int lout : {lmax, 2 * lmax}) {
                const torch::Tensor fft = tp::gauntProductFft(x, lmax, y, lmax, lout);
                const torch::Tensor dense = tp::DenseGauntProduct(lmax, lmax, lout, x)(x, y);
                const torch::Tensor grid = tp::GridGauntProduct(lmax, lmax, lout, x)(x, y);
                QVERIFY(relativeError(grid, dense) < 1e-10);
                QCOMPARE(fft.sizes().vec(), std::vector<int64_t>({3, 2, shDimension(lout)}));
                QVERIFY2(relativeError(fft, dense) < 1e-10,
                         qPrintable(QString("L = %1").arg(lmax)));
            }
        }
        // Unequal degrees.
        const torch::Tensor x = randomSh(4, 3, 7), y = randomSh(4, 5, 8);
        QVERIFY(relativeError(tp::gauntProductFft(x, 3, y, 5, 6),
                              tp::DenseGauntProduct(3, 5, 6, x)(x, y)) < 1e-10);
    }

    // The acceptance check: Gaunt = the integral of x(r) y(r) Y(r) by an exact quadrature.
    void fftEqualsAnIndependentQuadrature() {
        const int l1 = 5, l2 = 4, l3 = 7;
        const torch::Tensor x = randomSh(2, l1, 3), y = randomSh(2, l2, 4);
        const torch::Tensor z = tp::gauntProductFft(x, l1, y, l2, l3);
        const SphereQuadrature q = sphereQuadrature(l1 + l2 + l3);
        const Eigen::MatrixXd y1 = sphericalHarmonics(l1, q.points),
                              y2 = sphericalHarmonics(l2, q.points),
                              y3 = sphericalHarmonics(l3, q.points);
        for (int b = 0; b < 2; ++b) {
            Eigen::VectorXd xb(y1.cols()), yb(y2.cols());
            for (int i = 0; i < xb.size(); ++i) xb[i] = x[b][i].item<double>();
            for (int i = 0; i < yb.size(); ++i) yb[i] = y[b][i].item<double>();
            const Eigen::VectorXd f = (y1 * xb).cwiseProduct(y2 * yb);
            const Eigen::VectorXd expected = y3.transpose() * q.weights.cwiseProduct(f);
            for (int k = 0; k < expected.size(); ++k)
                QVERIFY(std::abs(z[b][k].item<double>() - expected[k]) < 1e-10 * expected.norm());
        }
    }

    // methods.md §6(g): CG with w(l1, l2, l3) on every path equals Gaunt.
    void cgWithGauntWeightsEqualsGaunt() {
        for (int lmax : {2, 5}) {
            const torch::Tensor x = randomSh(5, lmax, 9), y = randomSh(5, lmax, 10);
            const tp::CgTensorProduct cg(lmax, lmax, 2 * lmax, tp::gauntPathWeight, x);
            QVERIFY(relativeError(cg(x, y), tp::gauntProductFft(x, lmax, y, lmax, 2 * lmax)) <
                    1e-10);
        }
    }

    // Rotating the inputs by D rotates the output by D, for Gaunt and for CG on all paths.
    void productsAreEquivariant() {
        Rng rng(12);
        const int lmax = 4, lout = 6;
        const Eigen::Matrix3d r = haarRotation(rng);
        const torch::Tensor din = rotationOfCoefficients(lmax, r),
                            dout = rotationOfCoefficients(lout, r);
        const torch::Tensor x = randomSh(3, lmax, 13), y = randomSh(3, lmax, 14);
        const torch::Tensor g = tp::gauntProductFft(x, lmax, y, lmax, lout);
        const torch::Tensor gr =
            tp::gauntProductFft(rotate(x, din), lmax, rotate(y, din), lmax, lout);
        QVERIFY(relativeError(gr, rotate(g, dout)) < 1e-10);
        const tp::CgTensorProduct cg(lmax, lmax, lout, tp::unitPathWeight, x);
        const torch::Tensor c = cg(x, y), cr = cg(rotate(x, din), rotate(y, din));
        QVERIFY(relativeError(cr, rotate(c, dout)) < 1e-10);
        // A product that ignores the coupling (elementwise) is not equivariant: the check can fail.
        QVERIFY(relativeError(rotate(x, din) * rotate(y, din), rotate(x * y, din)) > 1e-2);
    }

    // 1 ⊗ 1 → 1: CG gives the cross product (odd path), Gaunt exactly nothing.
    void gauntHasNoOddPaths() {
        torch::Tensor x = torch::zeros({1, 4}, torch::kDouble),
                      y = torch::zeros({1, 4}, torch::kDouble);
        x.slice(1, 1, 4).copy_(torch::tensor({0.3, -1.2, 0.7}, torch::kDouble));
        y.slice(1, 1, 4).copy_(torch::tensor({1.1, 0.4, -0.5}, torch::kDouble));
        const torch::Tensor gaunt = tp::gauntProductFft(x, 1, y, 1, 1);
        QCOMPARE(gaunt.slice(1, 1, 4).abs().max().item<double>(), 0.0);
        const auto oddOnly = [](int l1, int l2, int l3) {
            return l1 == 1 && l2 == 1 && l3 == 1 ? 1.0 : 0.0;
        };
        const torch::Tensor cross = tp::CgTensorProduct(1, 1, 1, oddOnly, x)(x, y).slice(1, 1, 4);
        const torch::Tensor expected =
            torch::cross(x.slice(1, 1, 4), y.slice(1, 1, 4), 1) / std::sqrt(6.0);
        QVERIFY(relativeError(cross, expected) < 1e-12);
    }

    // The ν-fold product by repeated multiplication in Fourier space equals repeated products.
    void manyBodyPowerEqualsRepeatedProducts() {
        const int lmax = 3;
        const torch::Tensor x = randomSh(4, lmax, 15);
        const torch::Tensor square = tp::gauntProductFft(x, lmax, x, lmax, 2 * lmax);
        const torch::Tensor cube = tp::gauntProductFft(square, 2 * lmax, x, lmax, 3 * lmax);
        QVERIFY(relativeError(tp::gauntPowerFft(x, lmax, 3, 3 * lmax), cube) < 1e-10);
        QVERIFY(relativeError(tp::gauntPowerFft(x, lmax, 1, lmax), x) < 1e-12);
    }

    void float32AndDegreeWeights() {
        const int lmax = 6;
        const torch::Tensor x = randomSh(8, lmax, 16), y = randomSh(8, lmax, 17);
        const torch::Tensor exact = tp::gauntProductFft(x, lmax, y, lmax, lmax);
        const torch::Tensor single =
            tp::gauntProductFft(x.to(torch::kFloat), lmax, y.to(torch::kFloat), lmax, lmax);
        QCOMPARE(single.scalar_type(), torch::kFloat);
        QVERIFY(relativeError(single.to(torch::kDouble), exact) < 1e-5);
        std::vector<double> w(lmax + 1, 1.0);
        w[2] = 3.0;
        const torch::Tensor scaled = tp::scaleDegrees(x, lmax, w);
        QVERIFY(relativeError(scaled.slice(1, 4, 9), 3 * x.slice(1, 4, 9)) < 1e-15);
        QVERIFY(relativeError(scaled.slice(1, 0, 4), x.slice(1, 0, 4)) < 1e-15);
    }

    // The built-in model: CG is exact under E(3) for polar outputs of every degree and for a
    // pseudovector; Gaunt's pseudovector is a polar vector: rotations yes, reflections no.
    void builtInModelShowsWhatGauntLoses() {
        QVERIFY(meanError("cg", "1x0e+1x1o+1x2e+1x3o", "E3") < 1e-10);
        QVERIFY(meanError("gaunt", "1x0e+1x1o+1x2e+1x3o", "E3") < 1e-10);
        QVERIFY(meanError("cg", "2x1e", "E3") < 1e-10);
        QVERIFY(meanError("gaunt", "2x1e", "SE3") < 1e-10);
        QVERIFY(meanError("gaunt", "2x1e", "E3") > 1e-2);
        QVERIFY(meanError("cg", "1x0e+1x1o", "Perm") < 1e-10);
        const ModelInfo* info = builtinModels().find("tensor_product");
        QVERIFY(info && QString::fromStdString(info->description).contains("reflections"));
    }
};

QTEST_APPLESS_MAIN(TestTensorProducts)
#include "test_tensor_products.moc"
