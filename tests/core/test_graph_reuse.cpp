// Reuse of distance graphs (models/DistanceGraphs.h): the kNN graph of x relabelled for a
// distance-preserving g is the kNN graph of g.x; only the evaluator's own batch reuses it;
// a check builds it once and reports the errors it reports without reuse.

#include "BuiltinModels.h"
#include "EvaluationSupport.h"
#include "egnn/BatchedEdges.h"
#include "groups/Group.h"
#include "metrics/Equivariance.h"
#include "models/DistanceGraphs.h"

#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>
#include <torch/torch.h>

using namespace equiscope;

namespace {

constexpr int64_t kNodes = 300, kNeighbours = 8;

std::vector<double> randomCloud(int64_t n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::vector<double> xyz(static_cast<std::size_t>(3 * n));
    for (double& v : xyz) v = normal(rng);
    return xyz;
}

// An O(3) element with a translation and a random permutation of the nodes.
GroupElement rigidPermutation(uint64_t seed) {
    Rng rng(seed);
    GroupElement g = GroupElement::linearMap(haarRotation(rng) * (seed % 2 ? -1.0 : 1.0));
    g.translation = Eigen::Vector3d(1.5, -2.0, 0.25);
    g.permutation.resize(kNodes);
    std::iota(g.permutation.begin(), g.permutation.end(), 0);
    std::shuffle(g.permutation.begin(), g.permutation.end(), rng);
    return g;
}

// [B,N,3]: row b is elements[b] . x (output node i is x's node source(i)).
torch::Tensor transformed(const std::vector<double>& xyz,
                          const std::vector<GroupElement>& elements) {
    torch::Tensor out =
        torch::empty({static_cast<int64_t>(elements.size()), kNodes, 3}, torch::kFloat64);
    auto a = out.accessor<double, 3>();
    for (std::size_t b = 0; b < elements.size(); ++b)
        for (int64_t i = 0; i < kNodes; ++i) {
            const std::size_t s = static_cast<std::size_t>(elements[b].source(i)) * 3;
            const Eigen::Vector3d y =
                elements[b].apply(Eigen::Vector3d(xyz[s], xyz[s + 1], xyz[s + 2]));
            for (int c = 0; c < 3; ++c) a[static_cast<int64_t>(b)][i][c] = y(c);
        }
    return out;
}

std::unique_ptr<Model> knnEgnn() {
    return builtinModels().create(
        "egnn", {{"graph", "knn"}, {"k", "8"}, {"hidden", "16"}, {"output", "velocity"}});
}

Sample sampleOf(const std::vector<double>& xyz) {
    Sample s;
    s.setField(Field::perNode("pos", FieldType::Position, kNodes, 3, xyz));
    return s;
}

} // namespace

class TestGraphReuse : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void onlyIsometriesWithoutTimeShiftPreserveDistances() {
        Rng rng(1);
        QVERIFY(preservesDistances(rigidPermutation(3)));
        QVERIFY(!preservesDistances(GroupElement::linearMap(1.01 * haarRotation(rng))));
        GroupElement shifted;
        shifted.timeShift = 0.5;
        QVERIFY(!preservesDistances(shifted));
    }

    // Independent computation: the grid kNN run on g.x itself, for a batch of three
    // elements (reflections, rotations, translations, permutations).
    void relabelledGraphIsTheGraphOfTheTransformedCloud() {
        const std::vector<double> xyz = randomCloud(kNodes, 7);
        const std::vector<GroupElement> elements = {rigidPermutation(1), rigidPermutation(2),
                                                    GroupElement::identity()};
        const torch::Tensor pos = transformed(xyz, elements);
        const BatchedEdges rebuilt = knnEdges(pos, kNeighbours);
        DistanceGraphs graphs(xyz, kNodes);
        const ScopedDistanceBatch publish(pos, graphs, elements);
        const BatchedEdges reused = knnEdges(pos, kNeighbours);
        QCOMPARE(graphs.builds(), 1);
        QCOMPARE(reused.perNode, kNeighbours);
        QVERIFY(torch::equal(reused.row, rebuilt.row));
        QVERIFY(torch::equal(reused.col, rebuilt.col)); // nearest first: no ties in a random cloud
        knnEdges(pos, kNeighbours);
        QCOMPARE(graphs.builds(), 1); // asked again: not rebuilt
    }

    // A wrapper that feeds its backbone other positions (a copy, or the batch changed in
    // place) must not get x's graph.
    void otherTensorsAreNotReused() {
        const std::vector<double> xyz = randomCloud(kNodes, 8);
        const std::vector<GroupElement> elements = {rigidPermutation(4)};
        torch::Tensor pos = transformed(xyz, elements);
        DistanceGraphs graphs(xyz, kNodes);
        const ScopedDistanceBatch publish(pos, graphs, elements);
        QVERIFY(distanceBatchFor(pos) != nullptr);
        QVERIFY(distanceBatchFor(pos.clone()) == nullptr);
        QVERIFY(distanceBatchFor(pos.narrow(1, 0, kNodes - 1)) == nullptr);
        pos.mul_(2.0);
        QVERIFY(distanceBatchFor(pos) == nullptr);
        knnEdges(pos, kNeighbours);
        QCOMPARE(graphs.builds(), 0);
    }

    // A check under E3 x Perm builds the graph once; GL3 (not distance-preserving) never
    // reuses it; the errors match the rebuilt graphs' to round-off.
    void checkBuildsOnceAndKeepsItsErrors() {
        const Sample sample = sampleOf(randomCloud(kNodes, 9));
        for (const std::string group : {"E3*Perm", "GL3"}) {
            auto model = knnEgnn();
            EvaluationOptions options = test::float64Options(4, 8, 5);
            const Evaluator reusing(*model, sample, options);
            const ErrorReport a = reusing.check(*makeGroup(group));
            options.reuseGraphs = false;
            const Evaluator rebuilding(*model, sample, options);
            const ErrorReport b = rebuilding.check(*makeGroup(group));
            QCOMPARE(reusing.graphBuilds(), 1); // f(x) is evaluated with x's graph too
            QCOMPARE(rebuilding.graphBuilds(), 0);
            for (std::size_t e = 0; e < a.elementMean.size(); ++e)
                QVERIFY2(std::abs(a.elementMean[e] - b.elementMean[e]) <=
                             1e-12 * std::max(1.0, b.elementMean[e]),
                         group.c_str());
            if (group == "GL3")
                QVERIFY(a.meanError > 1e-3); // EGNN is not GL3-equivariant
            else
                QVERIFY(a.meanError < 1e-12);
        }
    }
};

QTEST_APPLESS_MAIN(TestGraphReuse)
#include "test_graph_reuse.moc"
