// The shapes task (issue 16 item 1): deterministic per seed, its class counts, mirror-image
// helices, two classes that differ only in size, and distorted test splits whose maps are
// what their names say (condition numbers 1, 2, 4, 8; rotations, reflections, scalings).

#include "TestSupport.h"
#include "data/Summary.h"
#include "groups/Decomposition.h"
#include "io/LoadDataset.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>

using namespace equiscope;

namespace {

Eigen::MatrixXd points(const Sample& s) {
    const Field& p = s.positions();
    Eigen::MatrixXd x(p.rows(), 3);
    for (int64_t i = 0; i < p.rows(); ++i)
        for (int k = 0; k < 3; ++k) x(i, k) = p.at(i, k);
    return x;
}

// The affine map x -> A x + t taking `from` onto `to`, by least squares.
std::pair<Eigen::Matrix3d, Eigen::Vector3d> fitAffine(const Sample& from, const Sample& to) {
    const Eigen::MatrixXd x = points(from);
    Eigen::MatrixXd design(x.rows(), 4);
    design << x, Eigen::VectorXd::Ones(x.rows());
    const Eigen::MatrixXd b = design.colPivHouseholderQr().solve(points(to)); // [4, 3]
    return {b.topRows(3).transpose(), b.row(3).transpose()};
}

// Mean of sin(theta_j - theta_i) over point pairs up to 0.05 apart in height: positive when
// the angle about z grows with z (a right-handed helix), negative for a left-handed one.
double handedness(const Sample& s) {
    const Eigen::MatrixXd x = points(s);
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < x.rows(); ++i)
        for (int j = 0; j < x.rows(); ++j) {
            const double dz = x(j, 2) - x(i, 2);
            if (dz <= 0 || dz > 0.05) continue;
            sum += std::sin(std::atan2(x(j, 1), x(j, 0)) - std::atan2(x(i, 1), x(i, 0)));
            ++pairs;
        }
    return sum / pairs;
}

double rmsRadius(const Sample& s) {
    const Eigen::MatrixXd x = points(s);
    return std::sqrt((x.rowwise() - x.colwise().mean()).squaredNorm() / x.rows());
}

} // namespace

class TestShapes : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void deterministicPerSeed() {
        const Dataset a = loadDataset("shapes:train:3"), b = makeShapesDataset("train", 3);
        QCOMPARE(a.samples.size(), b.samples.size());
        for (std::size_t i = 0; i < a.samples.size(); ++i)
            QVERIFY(a.samples[i].positions().values == b.samples[i].positions().values);
        const Dataset other = makeShapesDataset("train", 4);
        QVERIFY(other.samples[0].positions().values != a.samples[0].positions().values);
        // The default seed is 1, and the splits do not share samples.
        QVERIFY(loadDataset("shapes:val").samples[5].positions().values ==
                makeShapesDataset("val", 1).samples[5].positions().values);
        QVERIFY(makeShapesDataset("val", 3).samples[0].positions().values !=
                a.samples[0].positions().values);
    }

    void classCountsAndLabels() {
        const std::pair<const char*, int64_t> sizes[] = {
            {"train", 32}, {"val", 8}, {"test", 16}, {"affine_c8", 16}, {"reflection", 16}};
        for (const auto& [split, perClass] : sizes) {
            const Dataset d = loadDataset(std::string("shapes:") + split);
            QCOMPARE(static_cast<int64_t>(d.samples.size()), perClass * kShapeClasses);
            const auto counts = summarize(d).labelCounts.at("graph_label");
            QCOMPARE(static_cast<int>(counts.size()), kShapeClasses);
            for (const auto& [label, count] : counts) QCOMPARE(count, perClass);
            for (const Sample& s : d.samples) QCOMPARE(s.nodeCount(), kShapePoints);
        }
        const Sample& s = makeShapesDataset("test").samples[9];
        QCOMPARE(QString::fromStdString(s.metadata.at("graph_label")), QString("9"));
        QCOMPARE(QString::fromStdString(s.metadata.at("class")), QString("helix_right"));
        QCOMPARE(static_cast<int>(shapeClassNames().size()), kShapeClasses);
    }

    void helicesAreMirrorImages() {
        for (uint64_t seed : {1, 2, 3}) {
            const Eigen::MatrixXd left = points(sampleShapeClass(8, seed)),
                                  right = points(sampleShapeClass(9, seed));
            QCOMPARE((left * Eigen::Vector3d(1, -1, 1).asDiagonal() - right).norm(), 0.0);
            const double rightSpin = handedness(sampleShapeClass(9, seed)),
                         leftSpin = handedness(sampleShapeClass(8, seed));
            QVERIFY2(rightSpin > 0.05 && leftSpin < -0.05,
                     qPrintable(QString("%1 %2").arg(rightSpin).arg(leftSpin)));
        }
    }

    void sizeClassesDifferOnlyInSize() {
        for (uint64_t seed : {1, 2, 3}) {
            const double ratio =
                rmsRadius(sampleShapeClass(11, seed)) / rmsRadius(sampleShapeClass(10, seed));
            QVERIFY2(ratio > 1.7 && ratio < 2.3, qPrintable(QString::number(ratio)));
        }
    }

    void distortionsAreWhatTheySay() {
        const Dataset test = makeShapesDataset("test", 2);
        for (double c : {1, 2, 4, 8}) {
            const Dataset d = makeShapesDataset("affine_c" + std::to_string(int(c)), 2);
            for (std::size_t i = 0; i < 5; ++i) {
                const auto [a, t] = fitAffine(test.samples[i], d.samples[i]);
                QVERIFY(std::abs(conditionNumber(a) - c) < 1e-6 * c);
                QVERIFY(a.determinant() > 0);
            }
        }
        for (std::size_t i = 0; i < 5; ++i) {
            const auto [r, t0] =
                fitAffine(test.samples[i], loadDataset("shapes:rotation:2").samples[i]);
            QVERIFY((r * r.transpose() - Eigen::Matrix3d::Identity()).norm() < 1e-9);
            QVERIFY(std::abs(r.determinant() - 1) < 1e-9 && t0.norm() < 1e-9);
            const auto [m, t1] =
                fitAffine(test.samples[i], makeShapesDataset("reflection", 2).samples[i]);
            QVERIFY((m * m.transpose() - Eigen::Matrix3d::Identity()).norm() < 1e-9);
            QVERIFY(std::abs(m.determinant() + 1) < 1e-9);
            const auto [s, t2] =
                fitAffine(test.samples[i], makeShapesDataset("scale", 2).samples[i]);
            QVERIFY((s - s(0, 0) * Eigen::Matrix3d::Identity()).norm() < 1e-9);
            QVERIFY(s(0, 0) >= 0.5 - 1e-9 && s(0, 0) <= 2 + 1e-9);
        }
        QVERIFY(makeShapesDataset("affine_c4").samples[0].metadata.count("distortion"));
    }

    void badSpecsAreErrors() {
        for (const char* spec :
             {"shapes:", "shapes:bogus", "shapes:train:x", "shapes:train:-1", "shapes:train:"})
            QVERIFY_THROWS_EXCEPTION(Error, loadDataset(spec));
        QVERIFY_THROWS_EXCEPTION(Error, sampleShapeClass(kShapeClasses, 1));
    }
};

QTEST_GUILESS_MAIN(TestShapes)
#include "test_shapes.moc"
