// methods.md 7.1 and issue 16 item 3, the model-free parts: the transformation families
// (each element of the kind it claims, its magnitude right, the same for the same seed),
// the independent Metropolis-Hastings sampler whose stationary law is proportional to the
// loss (a chi-square test that rejects the wrong targets), and the dual variable's
// projected ascent.

#include "TestSupport.h"
#include "groups/Decomposition.h"
#include "train/InvarianceConstraints.h"
#include "train/TransformFamily.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>
#include <numeric>

using namespace equiscope;

namespace {

constexpr double kDegrees = 180.0 / 3.14159265358979323846;

bool orthogonal(const Eigen::Matrix3d& m) {
    return (m.transpose() * m - Eigen::Matrix3d::Identity()).norm() < 1e-12;
}

// Pearson's statistic of `counts` against probabilities proportional to `weights`.
double chiSquare(const std::vector<int64_t>& counts, const std::vector<double>& weights) {
    const double n = static_cast<double>(std::accumulate(counts.begin(), counts.end(), int64_t{0}));
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double chi = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double expected = n * weights[i] / total;
        chi += std::pow(static_cast<double>(counts[i]) - expected, 2) / expected;
    }
    return chi;
}

// The end states of 20000 independent chains of 30 steps over 8 elements with losses
// 1..8 (the chains have mixed to 1e-7).
std::vector<int64_t> endStates(const std::vector<double>& loss, uint64_t seed) {
    Rng rng(seed);
    const MhChains chains = runIndependentMh(
        20000, static_cast<int>(loss.size()), 30, rng, [&](const std::vector<int>& s) {
            std::vector<double> out;
            for (int i : s) out.push_back(loss[static_cast<std::size_t>(i)]);
            return out;
        });
    std::vector<int64_t> counts(loss.size(), 0);
    for (int s : chains.state) counts[static_cast<std::size_t>(s)]++;
    return counts;
}

} // namespace

class InvarianceConstraintsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void familiesHoldWhatTheyClaim() {
        for (const std::string& name : transformFamilyNames()) {
            const TransformFamily f = makeTransformFamily(name, 50, 3);
            QCOMPARE(f.elements.size(), std::size_t{50});
            for (const FamilyElement& e : f.elements) {
                const Eigen::Matrix3d& m = e.linear;
                QVERIFY2(e.magnitude >= f.minMagnitude - 1e-9 &&
                             e.magnitude <= f.maxMagnitude + 1e-9,
                         name.c_str());
                if (name == "rotz" || name == "rot") {
                    QVERIFY(orthogonal(m));
                    QVERIFY(std::abs(m.determinant() - 1) < 1e-12);
                    const double angle =
                        std::acos(std::clamp((m.trace() - 1) / 2, -1.0, 1.0)) * kDegrees;
                    QVERIFY(std::abs(angle - e.magnitude) < 1e-6);
                    if (name == "rotz")
                        QVERIFY((m * Eigen::Vector3d::UnitZ() - Eigen::Vector3d::UnitZ()).norm() <
                                1e-12);
                } else if (name == "reflect") {
                    QVERIFY(orthogonal(m));
                    QVERIFY(std::abs(m.determinant() + 1) < 1e-12);
                    QVERIFY((m * m - Eigen::Matrix3d::Identity()).norm() < 1e-12);
                } else if (name == "scale") {
                    QVERIFY((m - m(0, 0) * Eigen::Matrix3d::Identity()).norm() < 1e-15);
                    QVERIFY(std::abs(std::abs(std::log2(m(0, 0))) - e.magnitude) < 1e-12);
                } else {
                    QVERIFY(m.determinant() > 0);
                    QVERIFY(std::abs(conditionNumber(m) / e.magnitude - 1) < 1e-9);
                }
            }
            const TransformFamily again = makeTransformFamily(name, 50, 3);
            const TransformFamily other = makeTransformFamily(name, 50, 4);
            QVERIFY(again.elements[7].linear == f.elements[7].linear);
            QVERIFY(other.elements[7].linear != f.elements[7].linear);
        }
    }

    void familyNamesAreChecked() {
        QCOMPARE(parseFamilyList("rot,reflect"), (std::vector<std::string>{"rot", "reflect"}));
        QVERIFY_THROWS_EXCEPTION(Error, parseFamilyList("rot,shear"));
        QVERIFY_THROWS_EXCEPTION(Error, parseFamilyList("rot,rot"));
        QVERIFY_THROWS_EXCEPTION(Error, parseFamilyList(""));
        QVERIFY_THROWS_EXCEPTION(Error, makeTransformFamily("rot", 0, 1));
    }

    void histogramCountsEveryMagnitudeOnce() {
        const TransformFamily f = makeTransformFamily("affine", 200, 5);
        std::vector<double> m;
        for (const FamilyElement& e : f.elements) m.push_back(e.magnitude);
        m.push_back(1.0); // the lower end: first bin
        m.push_back(8.0); // the upper end: last bin
        const std::vector<int64_t> counts = magnitudeHistogram(f, m, 7);
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), int64_t{0}), int64_t{202});
        QVERIFY(counts.front() >= 1 && counts.back() >= 1);
    }

    void acceptanceFollowsTheLossRatio() {
        QVERIFY(acceptProposal(1.0, 2.0, 0.99)); // uphill: always
        QVERIFY(acceptProposal(2.0, 1.0, 0.49)); // downhill: with probability 1/2
        QVERIFY(!acceptProposal(2.0, 1.0, 0.51));
        QVERIFY(acceptProposal(0.0, 0.0, 0.5)); // a zero loss always moves
        QVERIFY(!acceptProposal(1.0, 0.0, 0.0001));
    }

    // The chain's stationary law is proportional to the loss (methods.md 7.1 CORRECTION),
    // not uniform and not exp(loss): the same counts reject both.
    void chainsSampleProportionallyToTheLoss() {
        const std::vector<double> loss{1, 2, 3, 4, 5, 6, 7, 8};
        const std::vector<int64_t> counts = endStates(loss, 11);
        constexpr double critical = 24.32; // chi-square, 7 degrees of freedom, p = 0.001
        QVERIFY2(chiSquare(counts, loss) < critical,
                 qPrintable(QString::number(chiSquare(counts, loss))));
        std::vector<double> exponential, uniform(loss.size(), 1.0);
        for (double l : loss) exponential.push_back(std::exp(l));
        QVERIFY(chiSquare(counts, uniform) > 10 * critical);
        QVERIFY(chiSquare(counts, exponential) > 10 * critical);
    }

    void dualVariablesAscendAndStayNonNegative() {
        QCOMPARE(dualAscent(0.0, 0.1, 0.5, 0.2), 0.1 * 0.3);
        QCOMPARE(dualAscent(0.01, 0.1, 0.0, 0.2), 0.0); // projected onto gamma >= 0
        double gamma = 0;
        for (int i = 0; i < 100; ++i) gamma = dualAscent(gamma, 0.01, 0.7, 0.2);
        QVERIFY(std::abs(gamma - 0.5) < 1e-12); // a violated constraint: linear growth
    }
};

QTEST_GUILESS_MAIN(InvarianceConstraintsTest)
#include "test_invariance_constraints.moc"
