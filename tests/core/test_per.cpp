// PER's building blocks (methods.md section 1(e)): projectors idempotent and symmetric,
// zero regularizer for equivariant layers, projected layers equivariant to 1e-6 in float64,
// the strength update's hand example, and the tasks' true symmetry levels.

#include "TestSupport.h"
#include "groups/Group.h"
#include "soft_equivariance/PerTraining.h"
#include "soft_equivariance/SoftEquivariantMlp.h"
#include "soft_equivariance/StrengthAdjuster.h"
#include "soft_equivariance/Tasks.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <torch/torch.h>

using namespace equiscope;
using namespace equiscope::per;

namespace {

const std::vector<std::string> kGroups = {"O3",  "SO3",  "O2x",   "O2y",
                                          "O2z", "SO2z", "Scale", "SO3*Scale"};
const std::vector<Channel> kChannels = {Channel::Scalar, Channel::Vector, Channel::Tensor2};

std::string coreName(const std::string& g) {
    if (g.rfind("O2", 0) == 0) return "O2(" + g.substr(2) + ")";
    if (g.rfind("SO2", 0) == 0) return "SO2(" + g.substr(3) + ")";
    return g;
}

} // namespace

class TestPer : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void projectorsAreIdempotentAndSymmetric() {
        for (const auto& name : kGroups)
            for (Channel in : kChannels)
                for (Channel out : kChannels) {
                    const Eigen::MatrixXd q = equivariantBasis(candidateGroup(name), in, out);
                    const Eigen::MatrixXd p = q * q.transpose();
                    QVERIFY((p * p - p).norm() < 1e-8);
                    QVERIFY((p - p.transpose()).norm() < 1e-8);
                }
    }

    // Known dimensions: commutants of the standard representations.
    void subspaceDimensions() {
        auto dim = [](const char* g, Channel in, Channel out) {
            return static_cast<int>(equivariantBasis(candidateGroup(g), in, out).cols());
        };
        QCOMPARE(dim("O3", Channel::Vector, Channel::Vector), 1); // a I
        QCOMPARE(dim("O3", Channel::Scalar, Channel::Vector), 0);
        QCOMPARE(dim("SO3", Channel::Vector, Channel::Vector), 1);
        QCOMPARE(dim("O2z", Channel::Vector, Channel::Vector), 2);  // diag(a, a, b)
        QCOMPARE(dim("SO2z", Channel::Vector, Channel::Vector), 3); // + rotation about z
        QCOMPARE(dim("O2z", Channel::Scalar, Channel::Vector), 1);  // along z
        QCOMPARE(dim("O3", Channel::Vector, Channel::Tensor2), 0);
        QCOMPARE(dim("SO3", Channel::Vector, Channel::Tensor2), 1); // the cross-product tensor
        QCOMPARE(dim("Scale", Channel::Vector, Channel::Vector), 9);
        QCOMPARE(dim("Scale", Channel::Scalar, Channel::Vector), 0);
        QCOMPARE(dim("SO3*Scale", Channel::Vector, Channel::Scalar), 0);
    }

    // A direction-like vector (scale weight 0) still rotates but no longer scales: under
    // Scale it may feed a scalar; under SO3*Scale a weight-0 tensor gives one invariant (the
    // trace), a weight-2 tensor none.
    void scaleWeightsChangeTheSubspace() {
        auto dim = [](const char* g, Channel in, Channel out, int wi, int wo) {
            return static_cast<int>(equivariantBasis(candidateGroup(g), in, out, wi, wo).cols());
        };
        QCOMPARE(dim("Scale", Channel::Vector, Channel::Scalar, 0, 0), 3);
        QCOMPARE(dim("Scale", Channel::Vector, Channel::Scalar, 1, 0), 0);
        QCOMPARE(dim("SO3*Scale", Channel::Tensor2, Channel::Scalar, 0, 0), 1);
        QCOMPARE(dim("SO3*Scale", Channel::Tensor2, Channel::Scalar, 2, 0), 0);
        QCOMPARE(dim("SO3*Scale", Channel::Vector, Channel::Vector, 0, 0), 1);
        QCOMPARE(dim("SO3*Scale", Channel::Vector, Channel::Vector, 1, 0), 0);
        // The group action agrees: s R acts on a weight-w vector as s^w R.
        const Eigen::Matrix3d a = 2.0 * Eigen::Matrix3d::Identity();
        QVERIFY((groupAction(Channel::Vector, a, 0) - Eigen::Matrix3d::Identity()).norm() < 1e-12);
        QVERIFY((groupAction(Channel::Tensor2, a) - 4 * Eigen::MatrixXd::Identity(9, 9)).norm() <
                1e-12);
    }

    // Property (2) for the whole network: projecting every layer onto G_j makes the model
    // G_j-equivariant to 1e-6 in float64 (groups inside the reference group, whose gated
    // nonlinearity is compatible), with the scale-free input stage of the cossim network
    // included; and the hard constraint (EMLP) is G_0-equivariant from the start, the plain
    // and residual networks are not.
    void projectedNetworksAreEquivariant() {
        for (const char* taskName : {"inertia", "cossim", "motion"}) {
            const auto task = makeTask(taskName, "", 0.3);
            PerConfig c = PerConfig::defaultsFor(taskName);
            for (std::size_t j = 0; j < task->groups().size(); ++j) {
                SoftEquivariantMlp net = makePerNetwork(c, *task);
                auto f = [&](const torch::Tensor& in) { return net->forward(in); };
                const std::string g = task->groups()[j];
                if (j == 0) QVERIFY2(equivarianceError(*task, g, f, 16, 3) > 1e-3, taskName);
                net->project(j);
                QVERIFY2(equivarianceError(*task, g, f, 16, 3) < 1e-6,
                         (std::string(taskName) + " " + g).c_str());
                QVERIFY(net->regularizers()[j].item<double>() < 1e-20);
            }
            for (const char* kind : {"emlp", "rpp", "mlp"}) {
                c.model = kind;
                SoftEquivariantMlp net = makePerNetwork(c, *task);
                const double error = equivarianceError(
                    *task, task->groups()[0],
                    [&](const torch::Tensor& in) { return net->forward(in); }, 16, 3);
                if (std::string(kind) == "emlp")
                    QVERIFY2(error < 1e-9, taskName);
                else
                    QVERIFY2(error > 1e-4, kind);
            }
        }
        QVERIFY_THROWS_EXCEPTION(Error, constraintFor("transformer"));
    }

    // W <- P_j W makes a layer G_j-equivariant (float64, random elements); its regularizer is 0.
    void projectedLayersAreEquivariant() {
        const Layout in{{{Channel::Scalar, 2}, {Channel::Vector, 3}}},
            out{{{Channel::Scalar, 2}, {Channel::Vector, 1}, {Channel::Tensor2, 1}}};
        torch::manual_seed(0);
        const torch::Tensor w = torch::randn({out.dim(), in.dim()}, torch::kFloat64);
        const torch::Tensor b = torch::randn({out.dim()}, torch::kFloat64);
        for (const auto& name : kGroups) {
            const LayerProjector p(candidateGroup(name), in, out);
            const torch::Tensor pw = p.projectWeight(w), pb = p.projectBias(b);
            QVERIFY2(p.regularizer(pw, pb).item<double>() < 1e-20, name.c_str());
            QVERIFY2(p.regularizer(w, b).item<double>() > 1e-2, name.c_str());
            QVERIFY(torch::allclose(p.projectWeight(pw), pw, 0, 1e-12)); // idempotent on the layer
            Rng rng(4);
            const auto g = makeGroup(coreName(name));
            const torch::Tensor x = torch::randn({7, in.dim()}, torch::kFloat64);
            for (int trial = 0; trial < 5; ++trial) {
                const Eigen::Matrix3d a = g->sample(rng, {1, 1.0}).linear;
                const torch::Tensor left = torch::matmul(act(in, a, x), pw.t()) + pb;
                const torch::Tensor right = act(out, a, torch::matmul(x, pw.t()) + pb);
                QVERIFY2(((left - right).norm() / right.norm()).item<double>() < 1e-6,
                         name.c_str());
            }
        }
    }

    // methods.md section 1(e)(5): lambda = [0,100,100,100], R = [x,1,4,2], p = 2 ->
    // [0,100,6.25,25].
    void strengthUpdateHandExample() {
        StrengthAdjuster adjuster(200, 2.0);
        for (int epoch = 0; epoch < 200; ++epoch) adjuster.observe(epoch, {9.0, 1.0, 4.0, 2.0});
        std::vector<double> lambdas{0, 100, 100, 100};
        QVERIFY(!adjuster.adjust(199, lambdas));
        QVERIFY(adjuster.adjust(200, lambdas));
        QCOMPARE(lambdas, (std::vector<double>{0, 100, 6.25, 25}));
    }

    // The quirks: warm-up calls are ignored, and the whole minimum vector is replaced when any
    // component improves.
    void strengthUpdateQuirks() {
        StrengthAdjuster adjuster(150, 1.0, /*warmup=*/2, /*window=*/100);
        adjuster.observe(10, {0.001, 0.001}); // before the window
        adjuster.observe(50, {0.002, 0.002}); // warm-up
        adjuster.observe(51, {0.003, 0.003}); // warm-up
        adjuster.observe(52, {5.0, 1.0});
        adjuster.observe(53, {4.0, 9.0}); // first component improves: the whole vector is taken
        QCOMPARE(*adjuster.minimum(), (std::vector<double>{4.0, 9.0}));
    }

    // methods.md section 1(e)(4): inertia's true function is exactly equivariant to all four
    // groups at eps = 0, and only to O(2) about z at eps = 0.3.
    void inertiaTrueSymmetryLevels() {
        const auto exact = makeTask("inertia", "z", 0.0);
        for (const auto& g : exact->groups())
            QVERIFY2(equivarianceError(
                         *exact, g, [&](const torch::Tensor& x) { return exact->truth(x); }, 20,
                         1) < 1e-12,
                     g.c_str());
        const auto mixed = makeTask("inertia", "z", 0.3);
        auto truth = [&](const torch::Tensor& x) { return mixed->truth(x); };
        QVERIFY(equivarianceError(*mixed, "O2z", truth, 20, 1) < 1e-12);
        for (const char* g : {"O3", "O2x", "O2y"})
            QVERIFY2(equivarianceError(*mixed, g, truth, 20, 1) > 1e-2, g);
        const auto xAxis = makeTask("inertia", "x", 0.3);
        QVERIFY(equivarianceError(
                    *xAxis, "O2x", [&](const torch::Tensor& x) { return xAxis->truth(x); }, 20, 1) <
                1e-12);
    }

    void cosineVariants() {
        auto error = [](const std::string& variant, const std::string& group) {
            const auto t = makeTask("cossim", variant, 0.3);
            return equivarianceError(
                *t, group, [&](const torch::Tensor& x) { return t->truth(x); }, 20, 2);
        };
        QVERIFY(error("so3-scale", "SO3*Scale") < 1e-12);
        QVERIFY(error("so3", "SO3") < 1e-12);
        QVERIFY(error("so3", "Scale") > 1e-2);
        QVERIFY(error("scale", "Scale") < 1e-12);
        QVERIFY(error("scale", "SO3") > 1e-3);
        QVERIFY(error("none", "SO3") > 1e-3 && error("none", "Scale") > 1e-2);
        QVERIFY_THROWS_EXCEPTION(Error, makeTask("cossim", "twist", 0.3));
        QVERIFY_THROWS_EXCEPTION(Error, makeTask("orbits", "", 0.3));
    }

    // The motion task: translation-free inputs, gravity along the chosen axis, exact O(2)
    // about it (eps = 0.3), and every group exact without gravity (eps = 0: drag is isotropic).
    void motionTrueSymmetryLevels() {
        const auto motion = makeTask("motion", "z", 0.3);
        const torch::Tensor x = motion->inputs(50, 3);
        QCOMPARE(x.size(1), int64_t(18));
        QVERIFY(x.reshape({50, 6, 3}).mean(1).abs().max().item<double>() < 1e-12);
        auto truth = [&](const torch::Tensor& in) { return motion->truth(in); };
        QVERIFY(equivarianceError(*motion, "O2z", truth, 20, 1) < 1e-12);
        for (const char* g : {"O3", "O2x", "O2y"})
            QVERIFY2(equivarianceError(*motion, g, truth, 20, 1) > 1e-2, g);
        const auto still = makeTask("motion", "z", 0.0);
        for (const auto& g : still->groups())
            QVERIFY(equivarianceError(
                        *still, g, [&](const torch::Tensor& in) { return still->truth(in); }, 20,
                        1) < 1e-12);
        // Gravity pulls the future down: the mean vertical step falls.
        const torch::Tensor future = truth(x), y = future.reshape({50, 6, 3});
        const torch::Tensor past = x.reshape({50, 6, 3});
        const double before =
            (past.select(1, 5) - past.select(1, 0)).select(1, 2).mean().item<double>();
        const double after = (y.select(1, 5) - y.select(1, 0)).select(1, 2).mean().item<double>();
        QVERIFY(after < before);
        QCOMPARE(averageDisplacementError(future, future), 0.0);
        const torch::Tensor shifted =
            future + torch::tensor({0.0, 0.3, 0.4}, torch::kFloat64).repeat({6});
        QVERIFY(std::abs(averageDisplacementError(future, shifted) - 0.5) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestPer)
#include "test_per.moc"
