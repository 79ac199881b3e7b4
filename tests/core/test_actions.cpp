// How elements act on each field type, written once: the host action, its rules per type
// (vectors ignore translation, pseudovectors follow the cross product, tensor2 the outer
// product), Wigner-D blocks for irreps, permutations of nodes, edges and parts, and the
// batched LibTorch action agreeing with the host action.

#include "TestSupport.h"
#include "groups/Action.h"
#include "groups/Group.h"
#include "groups/Irreps.h"
#include "harmonics/WignerD.h"
#include "metrics/BatchedAction.h"
#include "scene/DemoScene.h"
#include "util/Error.h"

#include <Eigen/Dense>

using namespace equiscope;

namespace {

Eigen::Vector3d row(const Field& f, int64_t r) {
    return {f.at(r, 0), f.at(r, 1), f.at(r, 2)};
}

GroupElement randomAffine(Rng& rng) {
    GroupElement g = makeGroup("GL3")->sample(rng, {5, 1.0});
    if (std::bernoulli_distribution(0.5)(rng)) g.linear.col(0) *= -1; // improper too
    g.translation = Eigen::Vector3d(0.5, -2, 3);
    return g;
}

} // namespace

class TestActions : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // Rows transform as X A^T + t: the convention, checked against the element itself.
    void positionsAndVectors() {
        Rng rng(3);
        const GroupElement g = randomAffine(rng);
        const Field pos = Field::perNode("pos", FieldType::Position, 2, 3, {1, 2, 3, -4, 0.5, 2});
        const Field vec = Field::perNode("v", FieldType::Vector, 2, 3, {1, 2, 3, -4, 0.5, 2});
        const Field p = transformField(pos, g, 2), v = transformField(vec, g, 2);
        for (int r = 0; r < 2; ++r) {
            QVERIFY((row(p, r) - g.apply(row(pos, r))).norm() < 1e-12);
            QVERIFY((row(v, r) - g.linear * row(vec, r)).norm() < 1e-12); // no translation
        }
    }

    // A pseudovector such as u x v transforms like the cross product of transformed vectors.
    void pseudovectorsFollowTheCrossProduct() {
        Rng rng(4);
        for (int trial = 0; trial < 10; ++trial) {
            const GroupElement g = randomAffine(rng);
            const Eigen::Vector3d u(0.3, -1, 2), w(1.5, 0.2, -0.7);
            const Eigen::Vector3d c = u.cross(w);
            const Field cross =
                Field::perNode("c", FieldType::Pseudovector, 1, 3, {c.x(), c.y(), c.z()});
            const Eigen::Vector3d expected = (g.linear * u).cross(g.linear * w);
            QVERIFY((row(transformField(cross, g, 1), 0) - expected).norm() <
                    1e-9 * expected.norm());
        }
        // Under a reflection a pseudovector keeps the sign a vector loses.
        const GroupElement inversion = GroupElement::linearMap(-Eigen::Matrix3d::Identity());
        const Field p = Field::perNode("p", FieldType::Pseudovector, 1, 3, {1, 2, 3});
        QCOMPARE(transformField(p, inversion, 1).values, p.values);
    }

    void tensorsFollowTheOuterProduct() {
        Rng rng(5);
        const GroupElement g = randomAffine(rng);
        const Eigen::Vector3d u(1, 2, -1), w(0.5, 0, 3);
        const Eigen::Matrix3d t = u * w.transpose();
        std::vector<double> values;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) values.push_back(t(i, j));
        const Field moved =
            transformField(Field::perNode("t", FieldType::Tensor2, 1, 9, values), g, 1);
        const Eigen::Matrix3d expected = (g.linear * u) * (g.linear * w).transpose();
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                QVERIFY(std::abs(moved.at(0, i * 3 + j) - expected(i, j)) < 1e-9);
    }

    void invariantsStayAndPermutationsReorder() {
        const Sample demo = makeDemoScene(5, 1); // 20 nodes
        Rng rng(6);
        const GroupElement g = makeGroup("E3*Perm")->sample(rng, {demo.nodeCount(), 1.0});
        const Sample moved = transformSample(demo, g);
        const Field& r0 = *demo.find("radius");
        const Field& r1 = *moved.find("radius");
        for (int64_t i = 0; i < demo.nodeCount(); ++i) {
            QCOMPARE(r1.at(i, 0), r0.at(g.source(i), 0));
            QCOMPARE(moved.parts[static_cast<std::size_t>(i)],
                     demo.parts[static_cast<std::size_t>(g.source(i))]);
            QVERIFY(
                (row(moved.positions(), i) - g.apply(row(demo.positions(), g.source(i)))).norm() <
                1e-12);
        }
    }

    void edgesFollowTheirNodes() {
        Sample s = makeDemoScene(2, 1);   // 8 nodes
        s.edgeIndex = {0, 1, 5, 2, 7, 3}; // edges 0-2, 1-7, 5-3
        Rng rng(8);
        const GroupElement g = makeGroup("Perm")->sample(rng, {s.nodeCount(), 1.0});
        const Sample moved = transformSample(s, g);
        const Field& p0 = s.positions();
        const Field& p1 = moved.positions();
        for (int64_t e = 0; e < 3; ++e) // the moved edge joins the same two points
            for (int side = 0; side < 2; ++side)
                QVERIFY(row(p1, moved.edgeIndex[static_cast<std::size_t>(side * 3 + e)]) ==
                        row(p0, s.edgeIndex[static_cast<std::size_t>(side * 3 + e)]));
    }

    void irrepsWignerD() {
        Rng rng(11);
        for (int trial = 0; trial < 10; ++trial) {
            const Eigen::Matrix3d a = haarRotation(rng), b = haarRotation(rng);
            QVERIFY((wignerD(1, a) - a).norm() < 1e-12); // l = 1 is R itself (x, y, z)
            const Eigen::MatrixXd d = wignerD(2, a * b) - wignerD(2, a) * wignerD(2, b);
            QVERIFY(d.norm() < 1e-9); // a homomorphism
            const Eigen::MatrixXd da = wignerD(2, a);
            QVERIFY((da * da.transpose() - Eigen::MatrixXd::Identity(5, 5)).norm() <
                    1e-9); // orthogonal
        }
        const Irreps irreps = Irreps::parse("2x0e+1x1o+1x1e+1x2e");
        QCOMPARE(irreps.dim(), 2 + 3 + 3 + 5);
        // Inversion: 0e and 1e and 2e unchanged, 1o flipped.
        const Eigen::MatrixXd m = irrepsMatrix(irreps, -Eigen::Matrix3d::Identity());
        Eigen::VectorXd expected(13);
        expected << 1, 1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1, 1;
        QVERIFY((m.diagonal() - expected).norm() < 1e-12);
        QVERIFY_THROWS_EXCEPTION(Error, Irreps::parse("2x1q"));
        QVERIFY_THROWS_EXCEPTION(Error, irrepsMatrix(irreps, 2 * Eigen::Matrix3d::Identity()));
        QVERIFY_THROWS_EXCEPTION(Error, Irreps::parse("1x40e")); // above kMaxIrrepDegree
    }

    // The batched torch action and the host action are the same map.
    void batchedMatchesHost() {
        const Sample demo = makeDemoScene(10, 2);
        const int64_t n = demo.nodeCount();
        Rng rng(12);
        std::vector<GroupElement> elements;
        for (int i = 0; i < 4; ++i)
            elements.push_back(makeGroup("Aff3*Perm")->sample(rng, {n, 2.0}));
        const Field& pos = demo.positions();
        const torch::Tensor batched = transformPositions(
            elements, torch::tensor(pos.values, torch::kFloat64).reshape({n, 3}));
        ModelSpec vectorSpec;
        vectorSpec.output = FieldType::Vector;
        const Field& normal = *demo.find("normal");
        const torch::Tensor normals = transformOutputs(
            elements, torch::tensor(normal.values, torch::kFloat64).reshape({1, n, 3}), vectorSpec);
        for (std::size_t b = 0; b < elements.size(); ++b) {
            const Field host = transformField(pos, elements[b], n),
                        hostNormal = transformField(normal, elements[b], n);
            for (int64_t i = 0; i < n; ++i)
                for (int k = 0; k < 3; ++k) {
                    QVERIFY(std::abs(batched[static_cast<int64_t>(b)][i][k].item<double>() -
                                     host.at(i, k)) < 1e-12);
                    QVERIFY(std::abs(normals[static_cast<int64_t>(b)][i][k].item<double>() -
                                     hostNormal.at(i, k)) < 1e-12);
                }
        }
    }
};

QTEST_GUILESS_MAIN(TestActions)
#include "test_actions.moc"
