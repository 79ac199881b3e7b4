// methods.md section 5 and issue 16 item 2: the decomposition g = P R (round trip
// Phi(xi^{-1}(g)) = g, the factors' properties, inverse pairs, and the sampler's invariance
// under rotations but not stretches, by Monte Carlo); affine_fa invariant under Aff(3) to
// float32 round-off where a plain PointNet is not, with its degeneracy warnings; affine_mc's
// invariance error falling with K.

#include "BuiltinModels.h"
#include "TestSupport.h"
#include "groups/Decomposition.h"
#include "metrics/Equivariance.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>
#include <torch/torch.h>

using namespace equiscope;

namespace {

double relative(const Eigen::Matrix3d& a, const Eigen::Matrix3d& b) {
    return (a - b).norm() / b.norm();
}

// U diag(s) V^T with Haar U, V and log s uniform in [-3, 3] (condition below e^6 < 1e3).
Eigen::Matrix3d randomGlPlus(Rng& rng) {
    std::uniform_real_distribution<double> logS(-3, 3);
    const Eigen::Vector3d s(std::exp(logS(rng)), std::exp(logS(rng)), std::exp(logS(rng)));
    return haarRotation(rng) * s.asDiagonal() * haarRotation(rng);
}

// A compactly supported test function on GL(3): a bump of radius 1 around g e_z = b.
double bump(const Eigen::Matrix3d& g) {
    return std::max(
        0.0, 1 - (g * Eigen::Vector3d::UnitZ() - Eigen::Vector3d(0.5, 0, 0.8)).squaredNorm());
}

// E[bump(h g)] - E[bump(g)] over independent samples of the measure, in standard errors.
double shiftInStandardErrors(const Eigen::Matrix3d& h, uint64_t seed) {
    constexpr int n = 40000;
    Rng rng(seed);
    double s[2] = {0, 0}, s2[2] = {0, 0};
    for (int i = 0; i < n; ++i)
        for (int k = 0; k < 2; ++k) {
            const Eigen::Matrix3d g = sampleLinearPair(rng, 0.1, false).element;
            const double v = bump(k == 0 ? Eigen::Matrix3d(h * g) : g);
            s[k] += v;
            s2[k] += v * v;
        }
    const double var0 = s2[0] / n - std::pow(s[0] / n, 2), var1 = s2[1] / n - std::pow(s[1] / n, 2);
    return (s[0] - s[1]) / n / std::sqrt((var0 + var1) / n);
}

// A lopsided cloud with well separated spectra: three anisotropic Gaussian lumps.
Sample lumps(uint64_t seed) {
    Rng rng(seed);
    std::normal_distribution<double> g;
    const Eigen::Vector3d centres[] = {{0, 0, 0}, {2.5, 0.5, 0}, {0.5, 1.8, 1.2}};
    const Eigen::Vector3d spreads[] = {{1, 0.5, 0.3}, {0.4, 0.8, 0.2}, {0.3, 0.3, 0.6}};
    std::vector<double> pos;
    for (int i = 0; i < 512; ++i) {
        const int k = i % 3;
        const Eigen::Vector3d x =
            centres[k] + spreads[k].cwiseProduct(Eigen::Vector3d(g(rng), g(rng), g(rng)));
        pos.insert(pos.end(), {x.x(), x.y(), x.z()});
    }
    Sample s;
    s.setField(Field::perNode("pos", FieldType::Position, 512, 3, pos, Storage::Float64));
    return s;
}

std::unique_ptr<Model> make(const std::string& name, const ModelOptions& options = {}) {
    return builtinModels().create(name, options);
}

ErrorReport check(Model& model, const Sample& sample, const std::string& group, bool float64,
                  int samples = 16) {
    EvaluationOptions o;
    o.samples = samples;
    o.seed = 5;
    o.float64 = float64;
    return Evaluator(model, sample, o).check(*makeGroup(group));
}

// Errors under x -> A x + t with cond(A) = condition, drawn through the decomposition.
double stretchedError(Model& model, const Sample& sample, double condition) {
    Rng rng(11);
    std::vector<GroupElement> elements;
    for (int i = 0; i < 8; ++i) {
        GroupElement g = GroupElement::linearMap(sampleWithCondition(rng, condition));
        g.translation = Eigen::Vector3d(1.5, -2, 0.5);
        elements.push_back(g);
    }
    EvaluationOptions o;
    return Evaluator(model, sample, o).errors(elements, "Aff3").maxError;
}

} // namespace

class TestAffine : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void decompositionRoundTrip() {
        Rng rng(1);
        for (int i = 0; i < 500; ++i) {
            const Eigen::Matrix3d g = randomGlPlus(rng);
            QVERIFY(relative(decompositionChart(decompositionCoordinates(g)), g) < 1e-6);
            const PolarFactors f = polarDecomposition(g);
            QVERIFY((f.rotation * f.rotation.transpose() - Eigen::Matrix3d::Identity()).norm() <
                    1e-9);
            QVERIFY(std::abs(f.rotation.determinant() - 1) < 1e-9);
            QVERIFY((f.spd - f.spd.transpose()).norm() < 1e-9 * f.spd.norm());
            QVERIFY(Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d>(f.spd).eigenvalues()(0) > 0);
            QVERIFY(relative(f.spd * f.rotation, g) < 1e-9);
        }
        QVERIFY_THROWS_EXCEPTION(Error, polarDecomposition(Eigen::Vector3d(1, 1, -1).asDiagonal()));
    }

    void samplerPairsAndFactors() {
        Rng rng(2);
        for (int i = 0; i < 500; ++i) {
            const bool special = i % 2 == 1;
            const LinearPair p = sampleLinearPair(rng, 0.5, special);
            QVERIFY((p.element * p.inverse - Eigen::Matrix3d::Identity()).norm() < 1e-6);
            const PolarFactors f = polarDecomposition(p.element);
            QVERIFY(std::abs(f.rotation.determinant() - 1) < 1e-9);
            if (special) QVERIFY(std::abs(f.spd.determinant() - 1) < 1e-9);
        }
    }

    // methods.md 5(e)(4): E[phi(h g)] = E[phi(g)] for rotations h, within Monte Carlo error;
    // a stretch h moves the expectation by many standard errors (no invariant measure).
    void samplerIsRotationInvariantNotStretchInvariant() {
        Rng rng(3);
        for (uint64_t seed : {10, 11, 12}) {
            const double z = shiftInStandardErrors(haarRotation(rng), seed);
            QVERIFY2(std::abs(z) < 4, qPrintable(QString::number(z)));
        }
        const double z = shiftInStandardErrors(Eigen::Vector3d(2, 1, 0.5).asDiagonal(), 13);
        QVERIFY2(std::abs(z) > 10, qPrintable(QString::number(z)));
    }

    void conditionNumbersAreExact() {
        Rng rng(4);
        for (double c : {1.0, 2.0, 4.0, 8.0}) {
            QVERIFY(std::abs(conditionNumber(sampleWithCondition(rng, c)) - c) < 1e-9 * c);
        }
    }

    void affineFaIsInvariantUnderAff3() {
        const Sample cloud = lumps(1);
        auto fa = make("affine_fa");
        QVERIFY(check(*fa, cloud, "Aff3", false).maxError < 1e-5);
        QVERIFY(check(*fa, cloud, "Aff3", true).maxError < 1e-10);
        for (double c : {2.0, 8.0}) QVERIFY(stretchedError(*fa, cloud, c) < 1e-5);
        QCOMPARE(QString::fromStdString(fa->diagnostics().at("frame")), QString("well defined"));
        // The plain backbone is not invariant; the proper frames do not average reflections.
        auto plain = make("pointnet", {{"width", "12"}});
        QVERIFY(check(*plain, cloud, "Aff3", false).meanError > 1e-2);
        QVERIFY(stretchedError(*plain, cloud, 8) > 1e-2);
        QVERIFY(check(*fa, cloud, "O3", false).maxError > 1e-3);
        auto mirrored = make("affine_fa", {{"reflections", "1"}});
        QVERIFY(check(*mirrored, cloud, "O3", false).maxError < 1e-5);
    }

    // The same shapes in the test split and in affine_c8 (x -> A x + t, cond A = 8), one
    // sample per class: affine_fa's logits agree to float32 round-off (the noise and the
    // per-axis jitter keep every frame's relative gap above 1e-2, measured 0.015 or more),
    // the plain PointNet's do not.
    void affineFaAgreesAcrossStretchedSplits() {
        const Dataset test = makeShapesDataset("test"), stretched = makeShapesDataset("affine_c8");
        auto fa = make("affine_fa");
        auto plain = make("pointnet", {{"width", "12"}});
        EvaluationOptions o;
        const auto difference = [&](Model& m, std::size_t i) {
            const at::Tensor a = Evaluator(m, test.samples[i], o).baseline();
            const at::Tensor b = Evaluator(m, stretched.samples[i], o).baseline();
            return ((a - b).norm() / a.norm()).item<double>();
        };
        for (std::size_t i = 0; i < kShapeClasses; ++i) {
            const double error = difference(*fa, i);
            const double gap = std::stod(fa->diagnostics().at("smallest relative eigen-gap"));
            qInfo("%s: relative eigen-gap %.3g, logits differ by %.3g",
                  test.samples[i].metadata.at("class").c_str(), gap, error);
            QVERIFY(gap > 1e-2 && error < 1e-5);
            QVERIFY(difference(*plain, i) > 1e-2);
        }
    }

    void affineFaWarnsOnDegenerateSpectra() {
        auto fa = make("affine_fa");
        std::vector<double> octahedron; // +-e_i: its fourth moment is isotropic
        for (int i = 0; i < 6; ++i)
            for (int k = 0; k < 3; ++k) octahedron.push_back(k == i / 2 ? (i % 2 ? -1 : 1) : 0);
        Sample s;
        s.setField(Field::perNode("pos", FieldType::Position, 6, 3, octahedron, Storage::Float64));
        check(*fa, s, "Aff3", false, 1);
        QVERIFY(fa->diagnostics().at("frame").rfind("degenerate", 0) == 0);
        std::vector<double> flat = octahedron;
        for (int i = 0; i < 6; ++i) flat[static_cast<std::size_t>(3 * i + 2)] = 0;
        s.setField(Field::perNode("pos", FieldType::Position, 6, 3, flat, Storage::Float64));
        check(*fa, s, "Aff3", false, 1);
        QVERIFY(fa->diagnostics().at("whitening").rfind("degenerate", 0) == 0);
    }

    // The Monte Carlo average's error falls with K. Under rotations (the sampled measure is
    // invariant under them) like 1/sqrt(K): K = 64 is at least 2.5 times closer to invariant
    // than K = 4 (measured 3.6; sqrt(16) = 4). Under GL+(3) it falls to the bias left by a
    // measure that is not invariant under stretches: at least 1.3 times (measured 1.5).
    void affineMcErrorFallsWithK() {
        const Sample cloud = makeShapesDataset("test").samples[7];
        auto plain = make("pointnet", {{"width", "12"}});
        for (const auto& [group, factor] : {std::pair{"SO3", 2.5}, std::pair{"GL3", 1.3}}) {
            double errors[2];
            for (int i = 0; i < 2; ++i) {
                auto mc = make("affine_mc", {{"group", "GL3"}, {"samples", i == 0 ? "4" : "64"}});
                errors[i] = check(*mc, cloud, group, true, 32).meanError;
            }
            const double backbone = check(*plain, cloud, group, true, 32).meanError;
            qInfo("%s error: pointnet %.4g, affine_mc K=4 %.4g, K=64 %.4g (%.2f times less)", group,
                  backbone, errors[0], errors[1], errors[0] / errors[1]);
            QVERIFY(errors[0] / errors[1] > factor);
            QVERIFY(errors[1] < backbone / 2);
        }
    }

    void affineMcIsReproducible() {
        const Sample cloud = makeShapesDataset("test").samples[3];
        auto a = make("affine_mc", {{"sample_seed", "7"}}),
             b = make("affine_mc", {{"sample_seed", "7"}});
        EvaluationOptions o;
        const at::Tensor fa = Evaluator(*a, cloud, o).baseline();
        QVERIFY(fa.equal(Evaluator(*a, cloud, o).baseline()));
        QVERIFY(fa.equal(Evaluator(*b, cloud, o).baseline()));
        auto c = make("affine_mc", {{"sample_seed", "8"}});
        QVERIFY(!fa.equal(Evaluator(*c, cloud, o).baseline()));
        QVERIFY_THROWS_EXCEPTION(Error, make("affine_mc", {{"group", "SO3"}}));
        QVERIFY_THROWS_EXCEPTION(Error, make("affine_fa", {{"backbone", "egnn"}}));
    }
};

QTEST_GUILESS_MAIN(TestAffine)
#include "test_affine.moc"
