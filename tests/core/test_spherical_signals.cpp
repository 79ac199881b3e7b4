// The Spherical functions view's signals and product (core/harmonics/SphericalSignal), checked
// as properties against independent computations: values from the harmonics themselves,
// rotation as f(Q^T r), the product as a pointwise product and as a quadrature projection.
#include "groups/Group.h"
#include "harmonics/SphereQuadrature.h"
#include "harmonics/SphericalHarmonics.h"
#include "harmonics/SphericalSignal.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <QtTest>
#include <cmath>

using namespace equiscope;

namespace {

Eigen::MatrixX3d randomDirections(Rng& rng, int n) {
    std::normal_distribution<double> normal;
    Eigen::MatrixX3d p(n, 3);
    for (int i = 0; i < n; ++i)
        p.row(i) = Eigen::RowVector3d(normal(rng), normal(rng), normal(rng)).normalized();
    return p;
}

double relative(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return (a - b).norm() / std::max(b.norm(), 1e-300);
}

} // namespace

class TestSphericalSignals : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void singleHarmonicIsThatHarmonic() {
        Rng rng(1);
        const Eigen::MatrixX3d points = randomDirections(rng, 50);
        const SphericalSignal y = singleHarmonic(3, -2);
        QCOMPARE(y.lmax, 3);
        const Eigen::VectorXd expected = sphericalHarmonics(3, points).col(9 + 3 - 2);
        QVERIFY(relative(evaluate(y, points), expected) < 1e-14);
        QVERIFY_THROWS_EXCEPTION(Error, singleHarmonic(2, 3));
        QVERIFY_THROWS_EXCEPTION(Error, singleHarmonic(kMaxSignalDegree + 1, 0));
        QVERIFY_THROWS_EXCEPTION(Error, randomBandLimited(-1, 1));
    }

    void randomSignalsAreUnitAndReproducible() {
        const SphericalSignal a = randomBandLimited(6, 7), b = randomBandLimited(6, 7),
                              c = randomBandLimited(6, 8);
        QCOMPARE(a.coefficients.size(), Eigen::Index(49));
        QVERIFY(std::abs(a.coefficients.norm() - 1) < 1e-14);
        QVERIFY(a.coefficients == b.coefficients);
        QVERIFY((a.coefficients - c.coefficients).norm() > 0.1);
        for (double n : degreeNorms(a)) QVERIFY(n > 0); // every degree carries energy
    }

    void peakIsOneAtItsDirectionAndHighestThere() {
        const Eigen::Vector3d d = Eigen::Vector3d(1, 2, 2).normalized();
        const SphericalSignal peak = sharpPeak(10, d);
        QVERIFY(std::abs(evaluate(peak, d.transpose()).value() - 1) < 1e-12);
        Rng rng(2);
        const Eigen::VectorXd elsewhere = evaluate(peak, randomDirections(rng, 400));
        QVERIFY(elsewhere.maxCoeff() <= 1 + 1e-12);
        QVERIFY(elsewhere.cwiseAbs().mean() < 0.2); // concentrated, not spread
    }

    // rotated(f, Q)(Q r) = f(r), for rotations and for improper elements.
    void rotationTurnsTheFunction() {
        Rng rng(3);
        const Eigen::MatrixX3d points = randomDirections(rng, 60);
        for (int trial = 0; trial < 6; ++trial) {
            const Eigen::Matrix3d r = haarRotation(rng);
            const Eigen::Matrix3d q = trial % 2 ? Eigen::Matrix3d(-r) : r;
            const SphericalSignal f = randomBandLimited(8, 10 + trial);
            const Eigen::MatrixX3d turned = points * q.transpose();
            const double error = relative(evaluate(rotated(f, q), turned), evaluate(f, points));
            QVERIFY2(error < 1e-10, qPrintable(QString::number(error)));
        }
        QVERIFY_THROWS_EXCEPTION(Error,
                                 rotated(singleHarmonic(1, 0), 2 * Eigen::Matrix3d::Identity()));
    }

    // With room for every degree the product is exact: G(a, b)(r) = a(r) b(r).
    void exactProductIsThePointwiseProduct() {
        Rng rng(4);
        const Eigen::MatrixX3d points = randomDirections(rng, 80);
        const SphericalSignal a = singleHarmonic(2, 1), b = singleHarmonic(3, -2);
        const SphericalSignal p = gauntProduct(a, b, 5);
        const Eigen::VectorXd expected = evaluate(a, points).cwiseProduct(evaluate(b, points));
        QVERIFY(relative(evaluate(p, points), expected) < 1e-12);
        // Y_2 Y_3 has only degrees 1, 3 and 5 (parity: l1 + l2 + l3 even).
        const Eigen::VectorXd norms = degreeNorms(p);
        for (int l : {0, 2, 4}) QVERIFY(norms(l) < 1e-13);
        for (int l : {1, 3, 5}) QVERIFY(norms(l) > 1e-3);
    }

    // Band-limited below l1 + l2: the projection ∫ a b Y_lm dΩ, by a quadrature exact for it.
    void truncatedProductIsTheProjection() {
        const SphericalSignal a = randomBandLimited(4, 5), b = randomBandLimited(5, 6);
        const int lout = 3;
        const SphereQuadrature q = sphereQuadrature(4 + 5 + lout);
        const Eigen::VectorXd ab = evaluate(a, q.points).cwiseProduct(evaluate(b, q.points));
        const Eigen::VectorXd expected =
            sphericalHarmonics(lout, q.points).transpose() * q.weights.cwiseProduct(ab);
        QVERIFY(relative(gauntProduct(a, b, lout).coefficients, expected) < 1e-11);
    }

    void productIsEquivariant() {
        Rng rng(5);
        const SphericalSignal a = randomBandLimited(6, 1), b = randomBandLimited(4, 2);
        for (int trial = 0; trial < 4; ++trial) {
            const Eigen::Matrix3d r = haarRotation(rng);
            const Eigen::Matrix3d q = trial % 2 ? Eigen::Matrix3d(-r) : r;
            const Eigen::VectorXd turnedFirst =
                gauntProduct(rotated(a, q), rotated(b, q), 8).coefficients;
            const Eigen::VectorXd turnedAfter = rotated(gauntProduct(a, b, 8), q).coefficients;
            QVERIFY(relative(turnedFirst, turnedAfter) < 1e-10);
        }
    }
};

QTEST_APPLESS_MAIN(TestSphericalSignals)
#include "test_spherical_signals.moc"
