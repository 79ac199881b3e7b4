// Spherical harmonics, Wigner-D, 3j and Gaunt coefficients, and the Fourier tables, checked
// against e3nn's values and as properties (orthonormality, equivariance, quadrature).
#include "groups/Group.h"
#include "groups/Irreps.h"
#include "harmonics/FourierBasis.h"
#include "harmonics/SphereQuadrature.h"
#include "harmonics/SphericalHarmonics.h"
#include "harmonics/Wigner3j.h"
#include "harmonics/WignerD.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <QtTest>
#include <cmath>

using namespace equiscope;

namespace {

Eigen::Vector3d randomDirection(Rng& rng) {
    std::normal_distribution<double> n;
    return Eigen::Vector3d(n(rng), n(rng), n(rng)).normalized();
}

Eigen::Matrix3d randomOrthogonal(Rng& rng, bool improper) {
    const Eigen::Matrix3d r = haarRotation(rng);
    return improper ? Eigen::Matrix3d(-r) : r;
}

Eigen::VectorXd randomCoefficients(Rng& rng, int lmax) {
    std::normal_distribution<double> n;
    Eigen::VectorXd x(shDimension(lmax));
    for (Eigen::Index i = 0; i < x.size(); ++i) x[i] = n(rng);
    return x;
}

// z_k = Σ G_{ijk} x_i y_j over all degree triples: the dense Gaunt contraction.
Eigen::VectorXd denseGaunt(const Eigen::VectorXd& x, int l1max, const Eigen::VectorXd& y, int l2max,
                           int l3max) {
    Eigen::VectorXd z = Eigen::VectorXd::Zero(shDimension(l3max));
    for (int l1 = 0; l1 <= l1max; ++l1)
        for (int l2 = 0; l2 <= l2max; ++l2)
            for (int l3 = std::abs(l1 - l2); l3 <= std::min(l1 + l2, l3max); ++l3) {
                if ((l1 + l2 + l3) % 2) continue;
                const CouplingTensor g = gaunt(l1, l2, l3);
                for (int i = 0; i < 2 * l1 + 1; ++i)
                    for (int j = 0; j < 2 * l2 + 1; ++j)
                        for (int k = 0; k < 2 * l3 + 1; ++k)
                            z[l3 * l3 + k] += g.at(i, j, k) * x[l1 * l1 + i] * y[l2 * l2 + j];
            }
    return z;
}

} // namespace

class TestHarmonics : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // irreps.md's closed forms (component normalisation) for l <= 2, at random directions.
    void closedFormsUpToDegreeTwo() {
        Rng rng(1);
        for (int trial = 0; trial < 20; ++trial) {
            const Eigen::Vector3d r = randomDirection(rng);
            const double x = r.x(), y = r.y(), z = r.z(), s15 = std::sqrt(15.0);
            Eigen::VectorXd expected(9);
            expected << 1, std::sqrt(3.0) * x, std::sqrt(3.0) * y, std::sqrt(3.0) * z, s15 * x * z,
                s15 * x * y, std::sqrt(5.0) * (y * y - (x * x + z * z) / 2), s15 * y * z,
                s15 / 2 * (z * z - x * x);
            const Eigen::VectorXd got = sphericalHarmonics(2, r, ShNormalization::Component);
            QVERIFY((got - expected).norm() < 1e-13);
        }
    }

    // Values of e3nn's own polynomials (e3nn 2aa7f58, spherical_harmonics(l, (1,2,3)/√14,
    // normalize=True, normalization="component")), including irreps.md's reference vector.
    void matchesE3nnAtTheReferenceVector() {
        const Eigen::Vector3d r = Eigen::Vector3d(1, 2, 3) * 7.0; // not unit: the direction counts
        const Eigen::VectorXd y = sphericalHarmonics(11, r, ShNormalization::Component);
        const std::vector<double> upToTwo = {1,
                                             0.4629100499,
                                             0.9258200998,
                                             1.3887301497,
                                             0.8299250028,
                                             0.5532833352,
                                             -0.1597191412,
                                             1.6598500055,
                                             1.1065666703};
        for (int i = 0; i < 9; ++i) QVERIFY(std::abs(y[i] - upToTwo[i]) < 1e-9);
        const std::vector<std::pair<int, std::vector<double>>> e3nn = {
            {3,
             {1.0381744181, 1.1736911947, 0.1855768722, -1.1111677990, 0.5567306167, 1.5649215929,
              0.7187361356}},
            {4,
             {1.0866268989, 1.6647827059, 0.7187361356, -0.3388154636, -1.0178571429, -1.0164463908,
              0.9583148475, 1.1525418733, 0.3169328455}},
            {7,
             {0.5996592468, 1.7101965842, 2.1514150161, 0.6879941424, -1.1517132787, -0.8544159163,
              0.2712164814, 1.0913044806, 0.8136494443, -1.1392212218, -0.7973399621, 0.2006649582,
              -0.0816993044, -0.6431508522, -0.4863685747}},
            {11, {-0.1692703086, -0.0983358794, 0.5389173179,  1.1664119417,  0.4278704596,
                  -1.3849037751, -1.6281924731, 0.4207372456,  1.4606609698,  0.1037255400,
                  -0.5409524136, -0.2544853911, -1.6228572407, 0.1383007200,  1.0112268253,
                  0.1227150300,  0.0618300939,  0.5208185137,  -0.3470349982, -1.8294615871,
                  -2.1478264002, -1.2928886083, -0.4029845262}}};
        for (const auto& [l, values] : e3nn)
            for (int m = 0; m < 2 * l + 1; ++m)
                QVERIFY2(std::abs(y[l * l + m] - values[static_cast<std::size_t>(m)]) < 1e-9,
                         qPrintable(QString("l = %1, index %2").arg(l).arg(m)));
    }

    void normalisationsAndTheZeroVector() {
        const Eigen::Vector3d r(0.3, -0.5, 0.8);
        const Eigen::VectorXd c = sphericalHarmonics(6, r, ShNormalization::Component);
        const Eigen::VectorXd i = sphericalHarmonics(6, r, ShNormalization::Integral);
        const Eigen::VectorXd n = sphericalHarmonics(6, r, ShNormalization::Norm);
        for (int l = 0; l <= 6; ++l) {
            const auto block = [&](const Eigen::VectorXd& v) {
                return v.segment(l * l, 2 * l + 1);
            };
            QVERIFY(std::abs(block(c).squaredNorm() - (2 * l + 1)) < 1e-12);
            QVERIFY(std::abs(block(n).norm() - 1.0) < 1e-12);
            QVERIFY((block(i) * std::sqrt(4 * M_PI) - block(c)).norm() < 1e-12);
        }
        const Eigen::VectorXd zero = sphericalHarmonics(4, Eigen::Vector3d(Eigen::Vector3d::Zero()),
                                                        ShNormalization::Component);
        QCOMPARE(zero[0], 1.0);
        QCOMPARE(zero.tail(zero.size() - 1).norm(), 0.0);
        QCOMPARE(parseShNormalization("norm"), ShNormalization::Norm);
        QVERIFY_THROWS_EXCEPTION(Error, parseShNormalization("unit"));
    }

    // ∫ Y_i Y_j dΩ = δ_ij up to l = 16 under a quadrature exact for degree 32.
    void orthonormalUnderAnExactQuadrature() {
        const int lmax = 16;
        const SphereQuadrature q = sphereQuadrature(2 * lmax);
        QVERIFY(std::abs(q.weights.sum() - 4 * M_PI) < 1e-12);
        const Eigen::MatrixXd y = sphericalHarmonics(lmax, q.points);
        const Eigen::MatrixXd gram = y.transpose() * q.weights.asDiagonal() * y;
        const double error =
            (gram - Eigen::MatrixXd::Identity(gram.rows(), gram.cols())).cwiseAbs().maxCoeff();
        QVERIFY2(error < 1e-12, qPrintable(QString("Gram error %1").arg(error)));
        // A quadrature too coarse for the degree must show it (the check can fail).
        const SphereQuadrature coarse = sphereQuadrature(lmax);
        const Eigen::MatrixXd yc = sphericalHarmonics(lmax, coarse.points);
        const Eigen::MatrixXd gc = yc.transpose() * coarse.weights.asDiagonal() * yc;
        QVERIFY((gc - Eigen::MatrixXd::Identity(gc.rows(), gc.cols())).cwiseAbs().maxCoeff() >
                1e-3);
    }

    // Y(A r) = p^k D(R) Y(r) for A = ±R in O(3): the harmonics of a polar vector are "1y".
    void equivariantUnderRandomOrthogonalMaps() {
        Rng rng(2);
        for (int trial = 0; trial < 8; ++trial) {
            const Eigen::Matrix3d a = randomOrthogonal(rng, trial % 2 == 1);
            const Eigen::Vector3d r = randomDirection(rng);
            for (int l = 0; l <= 12; ++l) {
                const Eigen::MatrixXd m =
                    irrepsMatrix(Irreps::parse("1x" + std::to_string(l) + "y"), a);
                const Eigen::VectorXd before = sphericalHarmonics(l, r).tail(2 * l + 1);
                const Eigen::VectorXd after =
                    sphericalHarmonics(l, Eigen::Vector3d(a * r)).tail(2 * l + 1);
                QVERIFY2((after - m * before).norm() < 1e-10, qPrintable(QString("l = %1").arg(l)));
            }
        }
    }

    void wignerDIsAnOrthogonalHomomorphism() {
        Rng rng(3);
        for (int trial = 0; trial < 4; ++trial) {
            const Eigen::Matrix3d a = haarRotation(rng), b = haarRotation(rng);
            QVERIFY((wignerD(1, a) - a).norm() < 1e-12); // l = 1 is R itself (x, y, z)
            const auto da = wignerDBlocks(12, a), db = wignerDBlocks(12, b),
                       dab = wignerDBlocks(12, a * b);
            for (int l = 0; l <= 12; ++l) {
                const Eigen::MatrixXd& d = da[static_cast<std::size_t>(l)];
                const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(2 * l + 1, 2 * l + 1);
                QVERIFY((d * d.transpose() - identity).norm() < 1e-10);
                QVERIFY((dab[static_cast<std::size_t>(l)] - d * db[static_cast<std::size_t>(l)])
                            .norm() < 1e-10);
            }
        }
        // Fitted from directions, Y(R r_k) = D Y(r_k), independently of the quadrature.
        const Eigen::Matrix3d r = haarRotation(rng);
        const int l = 7;
        Eigen::MatrixXd before(2 * l + 1, 40), after(2 * l + 1, 40);
        for (int k = 0; k < 40; ++k) {
            const Eigen::Vector3d p = randomDirection(rng);
            before.col(k) = sphericalHarmonics(l, p).tail(2 * l + 1);
            after.col(k) = sphericalHarmonics(l, Eigen::Vector3d(r * p)).tail(2 * l + 1);
        }
        const Eigen::MatrixXd fitted =
            before.transpose().colPivHouseholderQr().solve(after.transpose()).transpose();
        QVERIFY((fitted - wignerD(l, r)).norm() < 1e-9);
    }

    // irreps.md's reference values of e3nn's wigner_3j.
    void wigner3jReferenceValues() {
        const double tol = 1e-12;
        const CouplingTensor& c110 = wigner3j(1, 1, 0);
        for (int i = 0; i < 3; ++i) QVERIFY(std::abs(c110.at(i, i, 0) - 1 / std::sqrt(3.0)) < tol);
        const CouplingTensor& c111 = wigner3j(1, 1, 1);
        QVERIFY(std::abs(c111.at(0, 1, 2) - 1 / std::sqrt(6.0)) < tol); // ε_xyz = +1
        QVERIFY(std::abs(c111.at(1, 0, 2) + 1 / std::sqrt(6.0)) < tol);
        QVERIFY(std::abs(c111.at(0, 0, 1)) < tol);
        const CouplingTensor& c112 = wigner3j(1, 1, 2);
        const double a = 1 / std::sqrt(30.0), b = 1 / std::sqrt(10.0);
        QVERIFY(std::abs(c112.at(0, 0, 2) + a) < tol);
        QVERIFY(std::abs(c112.at(2, 2, 2) + a) < tol);
        QVERIFY(std::abs(c112.at(1, 1, 2) - 2 * a) < tol);
        QVERIFY(std::abs(c112.at(0, 0, 4) + b) < tol);
        QVERIFY(std::abs(c112.at(2, 2, 4) - b) < tol);
        for (const auto& [i, j, k] : std::vector<std::tuple<int, int, int>>{
                 {0, 1, 1}, {1, 0, 1}, {0, 2, 0}, {2, 0, 0}, {1, 2, 3}, {2, 1, 3}})
            QVERIFY(std::abs(c112.at(i, j, k) - b) < tol);
        QVERIFY_THROWS_EXCEPTION(Error, wigner3j(1, 1, 3));
    }

    // C_ijk = C_lmn D_il D_jm D_kn for every triple up to degree 4 and a few higher ones.
    void wigner3jIntertwinesWignerD() {
        Rng rng(4);
        const Eigen::Matrix3d r = haarRotation(rng);
        const auto d = wignerDBlocks(9, r);
        std::vector<std::tuple<int, int, int>> triples = {{5, 6, 7}, {8, 8, 8}, {9, 3, 7}};
        for (int l1 = 0; l1 <= 4; ++l1)
            for (int l2 = 0; l2 <= 4; ++l2)
                for (int l3 = std::abs(l1 - l2); l3 <= l1 + l2; ++l3)
                    triples.emplace_back(l1, l2, l3);
        for (const auto& [l1, l2, l3] : triples) {
            const CouplingTensor& c = wigner3j(l1, l2, l3);
            const Eigen::MatrixXd &d1 = d[l1], &d2 = d[l2], &d3 = d[l3];
            double error = 0, norm = 0;
            for (int i = 0; i < 2 * l1 + 1; ++i)
                for (int j = 0; j < 2 * l2 + 1; ++j)
                    for (int k = 0; k < 2 * l3 + 1; ++k) {
                        double rotated = 0;
                        for (int a = 0; a < 2 * l1 + 1; ++a)
                            for (int b = 0; b < 2 * l2 + 1; ++b)
                                for (int e = 0; e < 2 * l3 + 1; ++e)
                                    rotated += c.at(a, b, e) * d1(i, a) * d2(j, b) * d3(k, e);
                        error = std::max(error, std::abs(rotated - c.at(i, j, k)));
                        norm += c.at(i, j, k) * c.at(i, j, k);
                    }
            QVERIFY2(error < 1e-10,
                     qPrintable(QString("(%1,%2,%3): %4").arg(l1).arg(l2).arg(l3).arg(error)));
            QVERIFY(std::abs(norm - 1.0) < 1e-12);
        }
    }

    // Gaunt = w × 3j equals the integral of three harmonics (quadrature), and vanishes for odd
    // sums.
    void gauntMatchesTheTripleIntegral() {
        const int lmax = 5;
        const SphereQuadrature q = sphereQuadrature(3 * lmax);
        const Eigen::MatrixXd y = sphericalHarmonics(lmax, q.points);
        for (int l1 = 0; l1 <= lmax; ++l1)
            for (int l2 = 0; l2 <= lmax; ++l2)
                for (int l3 = std::abs(l1 - l2); l3 <= std::min(lmax, l1 + l2); ++l3) {
                    const CouplingTensor g = gaunt(l1, l2, l3);
                    double error = 0;
                    for (int i = 0; i < 2 * l1 + 1; ++i)
                        for (int j = 0; j < 2 * l2 + 1; ++j)
                            for (int k = 0; k < 2 * l3 + 1; ++k) {
                                const double integral =
                                    (q.weights.array() * y.col(l1 * l1 + i).array() *
                                     y.col(l2 * l2 + j).array() * y.col(l3 * l3 + k).array())
                                        .sum();
                                error = std::max(error, std::abs(integral - g.at(i, j, k)));
                            }
                    QVERIFY2(error < 1e-12,
                             qPrintable(QString("(%1,%2,%3)").arg(l1).arg(l2).arg(l3)));
                }
        QCOMPARE(gauntWeight(1, 1, 1), 0.0);
    }

    // The Fourier grid of a function takes its values on the sphere, and projects back to it.
    void fourierTablesRepresentTheHarmonics() {
        Rng rng(5);
        for (int lmax : {1, 4, 9, 16}) {
            const Eigen::VectorXd x = randomCoefficients(rng, lmax);
            const Eigen::MatrixXcd grid = shToFourier(x, lmax);
            for (int k = 0; k < 5; ++k) {
                const Eigen::Vector3d r = randomDirection(rng);
                const double theta = std::acos(r.y()), phi = std::atan2(r.x(), r.z());
                const std::complex<double> f = evaluateFourier(grid, theta, phi);
                QVERIFY(std::abs(f.real() - sphericalHarmonics(lmax, r).dot(x)) < 1e-11);
                QVERIFY(std::abs(f.imag()) < 1e-11);
            }
            QVERIFY((fourierToSh(grid, lmax) - x).norm() < 1e-11 * x.norm());
        }
    }

    // The product computed as a 2D convolution equals the dense Gaunt contraction and the
    // pointwise product of the two functions, band-limited.
    void gauntProductByConvolution() {
        Rng rng(6);
        for (int lmax : {1, 3, 6, 8}) {
            const Eigen::VectorXd x = randomCoefficients(rng, lmax),
                                  y = randomCoefficients(rng, lmax);
            const Eigen::MatrixXcd product = convolve2d(shToFourier(x, lmax), shToFourier(y, lmax));
            const Eigen::VectorXd z = fourierToSh(product, 2 * lmax);
            const Eigen::VectorXd dense = denseGaunt(x, lmax, y, lmax, 2 * lmax);
            QVERIFY2((z - dense).norm() < 1e-10 * dense.norm(),
                     qPrintable(QString("L = %1").arg(lmax)));
            const Eigen::Vector3d r = randomDirection(rng);
            const double pointwise =
                sphericalHarmonics(lmax, r).dot(x) * sphericalHarmonics(lmax, r).dot(y);
            QVERIFY(std::abs(sphericalHarmonics(2 * lmax, r).dot(z) - pointwise) <
                    1e-10 * dense.norm());
        }
        // 1 ⊗ 1 → 1 has no Gaunt path: the degree-1 part of the product of two l = 1 functions.
        Eigen::VectorXd a = Eigen::VectorXd::Zero(4), b = Eigen::VectorXd::Zero(4);
        a.tail(3) << 0.3, -1.2, 0.7;
        b.tail(3) << 1.1, 0.4, -0.5;
        const Eigen::VectorXd ab = fourierToSh(convolve2d(shToFourier(a, 1), shToFourier(b, 1)), 2);
        QCOMPARE(ab.segment(1, 3).norm(), 0.0);
    }

    // The official repository's sanity check: [[1..9]] convolved with itself.
    void convolutionOfTheThreeByThreeExample() {
        Eigen::MatrixXcd m(3, 3);
        m << 1, 2, 3, 4, 5, 6, 7, 8, 9;
        const Eigen::MatrixXcd c = convolve2d(m, m);
        QCOMPARE(c.rows(), 5);
        const double row0[5] = {1, 4, 10, 12, 9}, row1[5] = {8, 26, 56, 54, 36};
        for (int j = 0; j < 5; ++j) {
            QCOMPARE(c(0, j).real(), row0[j]);
            QCOMPARE(c(1, j).real(), row1[j]);
        }
    }

    void irrepsStrings() {
        const Irreps i = Irreps::parse("128x0e+64x1o + 32x2e+16x3o");
        QCOMPARE(i.dim(), 128 + 64 * 3 + 32 * 5 + 16 * 7);
        QCOMPARE(i.maxDegree(), 3);
        const Irreps y = Irreps::parse("0y+1y+2x1y+2y"); // parity (-1)^l
        QCOMPARE(y.toString(), std::string("1x0e+1x1o+2x1o+1x2e"));
        QCOMPARE(y.simplify().toString(), std::string("1x0e+3x1o+1x2e"));
        QCOMPARE(Irreps::parse("1x0e+2x0e+0x1o+1x1o+1x1e").simplify().toString(),
                 std::string("3x0e+1x1o+1x1e"));
        for (const char* bad : {"2x1q", "x1e", "1e1", "", "2x-1e", "1x1000e", "100000000x3o"})
            QVERIFY_THROWS_EXCEPTION(Error, Irreps::parse(bad));
    }
};

QTEST_APPLESS_MAIN(TestHarmonics)
#include "test_harmonics.moc"
