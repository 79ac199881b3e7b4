// End-to-end PER runs on the CPU (about a minute and a half together): the learned levels
// rank the exact symmetry above the approximate and the absent ones on inertia, cossim's
// variants and motion; a run interrupted and resumed from its checkpoint ends where the
// uninterrupted one does; the baselines train through the same loop.

#include "TestSupport.h"
#include "soft_equivariance/PerTraining.h"
#include "soft_equivariance/Tasks.h"
#include "util/Runtime.h"

#include <QTemporaryDir>
#include <algorithm>

using namespace equiscope;
using namespace equiscope::per;

namespace {

double level(const PerResult& r, const std::string& group) {
    const auto it = std::find(r.groups.begin(), r.groups.end(), group);
    return r.normalizedLevels[static_cast<std::size_t>(it - r.groups.begin())];
}

PerConfig shortRun(const std::string& task, const std::string& variant, int epochs, int adjust) {
    PerConfig c = PerConfig::defaultsFor(task);
    c.variant = variant;
    c.epochs = epochs;
    c.adjustEpoch = adjust;
    return c;
}

} // namespace

class TestPerTraining : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { configureRuntime(); }

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

    // cossim "so3" keeps rotations and breaks scaling; "scale" the other way round.
    void cosineVariantsRankTheKeptSymmetryFirst() {
        const PerResult so3 = trainPer(shortRun("cossim", "so3", 400, 150));
        QCOMPARE(level(so3, "SO3"), 1.0);
        QVERIFY(level(so3, "Scale") < 0.2);
        const PerResult scale = trainPer(shortRun("cossim", "scale", 400, 150));
        QCOMPARE(level(scale, "Scale"), 1.0);
        QVERIFY(level(scale, "SO3") < 0.2);
    }

    // Motion under gravity along z: O(2) about z is the learned symmetry, and the forecast
    // beats constant-velocity extrapolation from the last two positions (which misses
    // gravity and drag).
    void motionFindsTheGravityAxis() {
        PerConfig c = shortRun("motion", "z", 300, 120);
        c.learningRate = 1e-2; // a faster schedule for the short run
        const PerResult r = trainPer(c);
        QCOMPARE(level(r, "O2z"), 1.0);
        QVERIFY(level(r, "O2x") < 0.1 && level(r, "O2y") < 0.1);
        QVERIFY(r.testAde > 0);
        QVERIFY(r.testAde < 0.2);
        const auto task = makeTask("motion", "z", 0.3);
        const torch::Tensor x = task->inputs(1000, r.config.seed + 3);
        const torch::Tensor last = x.narrow(1, 15, 3), velocity = last - x.narrow(1, 12, 3);
        std::vector<torch::Tensor> steps;
        for (int k = 1; k <= 6; ++k) steps.push_back(last + k * velocity);
        const double kinematic = averageDisplacementError(torch::cat(steps, 1), task->truth(x));
        qInfo("motion ADE: model %.4f, constant velocity %.4f", r.testAde, kinematic);
        QVERIFY(kinematic > 2 * r.testAde);
    }

    // Cancelled at epoch 70 and resumed: the same levels, weights and curves as one run.
    void resumedRunEqualsTheUninterruptedOne() {
        PerConfig c = shortRun("inertia", "z", 120, 50);
        c.trainSamples = c.validationSamples = 200;
        c.batch = 100;
        const PerResult straight = trainPer(c);

        QTemporaryDir dir;
        c.checkpointDirectory = dir.path().toStdString();
        c.checkpointEvery = 30;
        CancelToken token;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 trainPer(c, Progress({}, &token), [&](const EpochLog& l) {
                                     if (l.epoch == 69) token.cancel();
                                 }));
        c.resume = true;
        const PerResult resumed = trainPer(c);
        QCOMPARE(resumed.training.resumedAt, 70);
        QCOMPARE(resumed.log.size(), straight.log.size());
        QCOMPARE(resumed.levels, straight.levels);
        QCOMPARE(resumed.bestEpoch, straight.bestEpoch);
        QCOMPARE(resumed.testMse, straight.testMse);
        for (std::size_t e = 0; e < straight.log.size(); ++e)
            QCOMPARE(resumed.log[e].validationMse, straight.log[e].validationMse);
        // Another task's checkpoint is refused by name.
        PerConfig other = shortRun("cossim", "so3", 120, 50);
        other.checkpointDirectory = c.checkpointDirectory;
        other.resume = true;
        QVERIFY_THROWS_EXCEPTION(Error, trainPer(other));
    }

    // The baselines run through the same loop: EMLP stays exactly O(3)-equivariant, RPP and
    // the plain MLP do not, and none of them has strengths to learn.
    void baselinesTrain() {
        for (const char* kind : {"mlp", "rpp", "emlp"}) {
            PerConfig c = shortRun("inertia", "z", 40, 15);
            c.model = kind;
            const PerResult r = trainPer(c);
            QCOMPARE(r.log.size(), std::size_t(40));
            QVERIFY(std::all_of(r.levels.begin(), r.levels.end(), [](double l) { return l == 0; }));
            QVERIFY(std::isfinite(r.testMse));
            if (std::string(kind) == "emlp") {
                QVERIFY(r.regularizers[0] < 1e-20);
                QVERIFY(r.equivarianceError[0] < 1e-9);
            } else {
                QVERIFY2(r.equivarianceError[0] > 1e-3, kind);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPerTraining)
#include "test_per_training.moc"
