// End-to-end PER runs on the CPU (about a minute together): the learned levels rank the
// exact symmetry above the approximate ones.

#include "PerTraining.h"
#include "TestSupport.h"
#include "util/Runtime.h"

#include <algorithm>

using namespace equiscope::per;

namespace {

double level(const PerResult& r, const std::string& group) {
    const auto it = std::find(r.groups.begin(), r.groups.end(), group);
    return r.normalizedLevels[static_cast<std::size_t>(it - r.groups.begin())];
}

} // namespace

class TestPerTraining : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { equiscope::configureRuntime(); }

    // Inertia with eps = 0.3 about z: exact under O(2) about z, approximate under the rest.
    void inertiaLevelsRankTheExactSymmetryFirst() {
        PerConfig c = PerConfig::defaultsFor("inertia");
        const PerResult r = trainPer(c);
        QCOMPARE(level(r, "O2z"), 1.0);
        QVERIFY(level(r, "O2x") < 0.5);
        QVERIFY(level(r, "O2y") < 0.5);
        QCOMPARE(level(r, "O3"), 0.0); // the reference group is not regularized
        QVERIFY(r.testMse < 1.0);
        // The strengths changed once, at the adjustment epoch.
        QCOMPARE(r.log[static_cast<std::size_t>(c.adjustEpoch - 1)].lambdas[3], c.initialLambda);
        QVERIFY(r.log[static_cast<std::size_t>(c.adjustEpoch)].lambdas[1] < c.initialLambda);
    }

    // cossim "so3": rotations kept, scaling broken.
    void cosineSo3RanksRotationsAboveScaling() {
        PerConfig c = PerConfig::defaultsFor("cossim");
        c.variant = "so3";
        c.epochs = 600;
        c.adjustEpoch = 250;
        const PerResult r = trainPer(c);
        QVERIFY(level(r, "SO3") > 5 * level(r, "Scale"));
    }
};

QTEST_GUILESS_MAIN(TestPerTraining)
#include "test_per_training.moc"
