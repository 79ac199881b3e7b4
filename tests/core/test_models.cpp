// Property checks of methods.md section 9 on the built-in models: frame averaging and
// TinvNN invariance, EGNN equivariance to round-off, the MLP clearly not; SE(3) frames fail
// reflections; Lie derivatives vanish exactly where equivariance holds; weights save and
// load; kNN graphs agree with brute force; feature selection follows the contract; a drag
// preview's subsample keeps its nodes' rows and edges, and the verdicts of the whole.

#include "BuiltinModels.h"
#include "TestSupport.h"
#include "data/Subsample.h"
#include "egnn/KnnGraph.h"
#include "groups/Group.h"
#include "metrics/Equivariance.h"
#include "metrics/LieDerivative.h"
#include "metrics/Sweep.h"
#include "models/Features.h"
#include "scene/DemoScene.h"
#include "util/Error.h"

#include <random>
#include <torch/torch.h>

using namespace equiscope;

namespace {

// An anisotropic Gaussian blob: well-separated PCA eigenvalues (9 : 4 : 1).
Sample blob(int64_t n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g;
    std::vector<double> pos, scalar;
    for (int64_t i = 0; i < n; ++i) {
        pos.insert(pos.end(), {3 * g(rng) + 1, 2 * g(rng) - 2, g(rng) + 0.5});
        scalar.push_back(g(rng));
    }
    Sample s;
    s.setField(Field::perNode("pos", FieldType::Position, n, 3, pos, Storage::Float64));
    s.setField(Field::perNode("charge", FieldType::Scalar, n, 1, scalar, Storage::Float64));
    return s;
}

double meanError(Model& model, const Sample& sample, const std::string& group, bool float64,
                 int samples = 8) {
    EvaluationOptions o;
    o.samples = samples;
    o.seed = 17;
    o.float64 = float64;
    return Evaluator(model, sample, o).check(*makeGroup(group)).meanError;
}

std::unique_ptr<Model> make(const std::string& name, const ModelOptions& options = {}) {
    return builtinModels().create(name, options);
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT
    const Sample data_ = blob(300, 1);

  private Q_SLOTS:
    void frameAveragingIsInvariantAndEquivariant() {
        auto invariant = make("frame_averaging", {{"output", "scalar"}, {"width", "4"}});
        QVERIFY(meanError(*invariant, data_, "E3", false) < 1e-5);
        QVERIFY(meanError(*invariant, data_, "E3", true) < 1e-10);
        auto positions = make("frame_averaging", {{"output", "position"}});
        QVERIFY(meanError(*positions, data_, "E3", false) < 1e-5);
        QVERIFY(meanError(*positions, data_, "E3", true) < 1e-10);
        // The backbone alone is not.
        auto backbone = make("mlp", {{"output", "scalar"}, {"width", "4"}});
        QVERIFY(meanError(*backbone, data_, "E3", false) > 1e-2);
    }

    // An SE(3) frame set has no reflections, so reflected inputs are not averaged away.
    void seFramesFailReflections() {
        auto se3 = make("frame_averaging", {{"group", "SE3"}, {"output", "vector"}});
        QVERIFY(meanError(*se3, data_, "SE3", false) < 1e-5);
        QVERIFY(meanError(*se3, data_, "E3", false) > 1e-2);
    }

    void egnnIsEquivariantToRoundOff() {
        auto full = make("egnn", {{"graph", "full"}, {"feature_dim", "1"}});
        const Sample small = blob(40, 2);
        QVERIFY(meanError(*full, small, "E3", false) < 1e-5);
        QVERIFY(meanError(*full, small, "E3", true) < 1e-10);
        QVERIFY(meanError(*full, small, "E3*Perm", true) < 1e-10);
        auto velocity = make("egnn", {{"graph", "full"}, {"output", "velocity"}});
        QVERIFY(meanError(*velocity, small, "E3", true) < 1e-10);
        // kNN graph on more points: the same graph for rotated copies.
        auto knn = make("egnn", {{"graph", "knn"}, {"k", "8"}});
        QVERIFY(meanError(*knn, data_, "E3", true) < 1e-10);
    }

    // methods.md 7.3: equivariant to what keeps gravity (rotations about z, mirrors through
    // it, translations, permutations), and deliberately not to tilts.
    void subequivariantKeepsGravitysSymmetries() {
        auto sub = make("subequivariant", {{"graph", "full"}, {"feature_dim", "1"}});
        const Sample small = blob(40, 3);
        for (const char* g : {"O2(z)", "SO2(z)", "T3", "Perm"}) {
            QVERIFY2(meanError(*sub, small, g, false) < 1e-5, g);
            QVERIFY2(meanError(*sub, small, g, true) < 1e-10, g);
        }
        QVERIFY(meanError(*sub, small, "SO3", false) > 1e-2);
        QVERIFY(meanError(*sub, small, "O2(x)", false) > 1e-2);
        auto aboutX = make("subequivariant", {{"graph", "full"}, {"axis", "x"}});
        QVERIFY(meanError(*aboutX, small, "O2(x)", true) < 1e-10);
        QVERIFY(meanError(*aboutX, small, "O2(z)", false) > 1e-2);
    }

    // Graph models read the sample's edges: permuting nodes (and the edges with them)
    // permutes the outputs to round-off. On two triangles and on a 6-cycle (both 2-regular,
    // alike for 1-WL) message passing gives every node the same output, while SPEN's
    // ego-networks (a triangle vs a path) tell them apart.
    void graphModelsArePermutationEquivariant() {
        Sample g = blob(12, 4);
        for (int64_t i = 0; i < 12; ++i) g.edgeIndex.push_back(i);
        for (int64_t i = 0; i < 12; ++i) g.edgeIndex.push_back((i * 5 + 3) % 12);
        for (const char* name : {"mpnn", "spen"}) {
            auto m = make(name, {});
            QVERIFY2(meanError(*m, g, "Perm", true) < 1e-12, name);
            QVERIFY2(meanError(*m, g, "Perm", false) < 1e-5, name);
        }
        auto ring = [](bool triangles) {
            Sample s; // positions only: every node gets the same (constant) feature
            s.setField(*blob(6, 5).find("pos"));
            const std::vector<int64_t> b = triangles ? std::vector<int64_t>{1, 2, 0, 4, 5, 3}
                                                     : std::vector<int64_t>{1, 2, 3, 4, 5, 0};
            s.edgeIndex = {0, 1, 2, 3, 4, 5};
            s.edgeIndex.insert(s.edgeIndex.end(), b.begin(), b.end());
            return s;
        };
        auto outputs = [&](const std::string& name, const Sample& s) {
            auto m = make(name, name == "spen" ? ModelOptions{{"hops", "1"}} : ModelOptions{});
            EvaluationOptions o;
            o.float64 = true;
            return Evaluator(*m, s, o).baseline();
        };
        const Sample triangles = ring(true), cycle = ring(false);
        QVERIFY(torch::allclose(outputs("mpnn", triangles), outputs("mpnn", cycle), 0, 1e-12));
        QVERIFY(!torch::allclose(outputs("spen", triangles), outputs("spen", cycle), 0, 1e-6));
    }

    void mlpIsClearlyNotEquivariant() {
        auto mlp = make("mlp", {{"output", "vector"}});
        QVERIFY(meanError(*mlp, data_, "SO3", false) > 1e-2);
        QVERIFY(meanError(*mlp, data_, "T3", false) > 1e-2);
        QVERIFY(meanError(*mlp, data_, "Perm", false) < 1e-6); // per node: permutation-equivariant
        auto pointnet = make("pointnet");
        QVERIFY(meanError(*pointnet, data_, "Perm", false) < 1e-6);
        QVERIFY(meanError(*pointnet, data_, "SO3", false) > 1e-2);
    }

    void tinvnnIsInvariant() {
        auto t = make("tinvnn");
        QVERIFY(meanError(*t, data_, "E3", false) < 1e-5);
        QVERIFY(meanError(*t, data_, "Scale", false) > 1e-2);
        auto scaled = make("tinvnn", {{"normalize_scale", "true"}});
        QVERIFY(meanError(*scaled, data_, "SO3*Scale", false) < 1e-5);
        QVERIFY(meanError(*scaled, data_, "E3*Perm", true) < 1e-10);
    }

    void lieDerivativeVanishesOnlyForEquivariantModels() {
        EvaluationOptions o;
        o.float64 = true;
        auto se3 = makeGroup("SE3");
        for (const char* name : {"egnn", "frame_averaging"}) {
            auto m = make(name, {{"output", "position"}});
            for (const auto& r : lieDerivatives(Evaluator(*m, data_, o), *se3))
                QVERIFY2(r.relativeNorm < 1e-6, name);
        }
        auto mlp = make("mlp", {{"output", "vector"}});
        const auto reports = lieDerivatives(Evaluator(*mlp, data_, o), *se3);
        QCOMPARE(reports.size(), std::size_t(6));
        for (const auto& r : reports) QVERIFY(r.relativeNorm > 1e-3);
        EvaluationOptions f32;
        QVERIFY_THROWS_EXCEPTION(Error, lieDerivatives(Evaluator(*mlp, data_, f32), *se3));
    }

    void lieDerivativeStreamsEachGeneratorAndStops() {
        EvaluationOptions o;
        o.float64 = true;
        auto mlp = make("mlp", {{"output", "vector"}});
        const Evaluator e(*mlp, data_, o);
        const auto se3 = makeGroup("SE3");
        const auto whole = lieDerivatives(e, *se3);
        std::vector<std::size_t> sizes;
        CancelToken token;
        const Progress progress({}, &token);
        const auto streamed =
            lieDerivatives(e, *se3, progress, [&](const std::vector<LieReport>& sofar, int all) {
                QCOMPARE(all, 6);
                sizes.push_back(sofar.size());
            });
        QCOMPARE(sizes, (std::vector<std::size_t>{1, 2, 3, 4, 5, 6}));
        for (std::size_t k = 0; k < whole.size(); ++k)
            QCOMPARE(streamed[k].relativeNorm, whole[k].relativeNorm);
        // A stop after the second generator: two reports were delivered, then Cancelled.
        sizes.clear();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled,
            lieDerivatives(e, *se3, progress, [&](const std::vector<LieReport>& sofar, int) {
                sizes.push_back(sofar.size());
                if (sofar.size() == 2) token.cancel();
            }));
        QCOMPARE(sizes, (std::vector<std::size_t>{1, 2}));
    }

    void sweepStartsAndEndsAtZeroForRotations() {
        auto mlp = make("mlp", {{"output", "vector"}});
        EvaluationOptions o;
        o.float64 = true;
        const SweepReport r = sweep(Evaluator(*mlp, data_, o), *makeGroup("SO3"), {0, 0, 1}, 9);
        QCOMPARE(r.points.size(), std::size_t(9));
        QCOMPARE(QString::fromStdString(r.unit), QString("deg"));
        QVERIFY(r.points.front().meanError < 1e-12);
        QVERIFY(r.points.back().meanError < 1e-9); // 360 degrees
        QVERIFY(r.points[4].meanError > 1e-2);     // 180 degrees
        const SweepReport s = sweep(Evaluator(*mlp, data_, o), *makeGroup("Scale"), {0, 0, 1}, 5);
        QCOMPARE(s.points.front().parameter, 0.5);
        QVERIFY(std::abs(s.points[2].parameter - 1.0) < 1e-12 && s.points[2].meanError < 1e-12);
        QVERIFY_THROWS_EXCEPTION(
            Error, sweep(Evaluator(*mlp, data_, o), *makeGroup("Perm"), {0, 0, 1}, 5));
    }

    // Drawn as they arrive: the partial reports grow to the whole sweep, which equals the
    // one batched evaluation; a cancel keeps the points computed so far.
    void sweepStreamsItsPointsAndStopsKeepingThem() {
        auto mlp = make("mlp", {{"output", "vector"}});
        EvaluationOptions o;
        o.float64 = true;
        const Evaluator e(*mlp, data_, o);
        const SweepReport whole = sweep(e, *makeGroup("SO3"), {0, 0, 1}, 73);
        std::vector<std::size_t> sizes;
        const SweepReport streamed = sweep(e, *makeGroup("SO3"), {0, 0, 1}, 73, {},
                                           [&](const SweepReport& sofar, int steps) {
                                               QCOMPARE(steps, 73);
                                               sizes.push_back(sofar.points.size());
                                           });
        QVERIFY(sizes.size() >= 20);
        QVERIFY(std::is_sorted(sizes.begin(), sizes.end()));
        QCOMPARE(sizes.back(), std::size_t(73));
        for (std::size_t k = 0; k < 73; ++k)
            QVERIFY(std::abs(streamed.points[k].meanError - whole.points[k].meanError) <=
                    1e-12 * std::max(1.0, whole.points[k].meanError));
        CancelToken stop;
        SweepReport kept;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 sweep(e, *makeGroup("SO3"), {0, 0, 1}, 73, Progress({}, &stop),
                                       [&](const SweepReport& sofar, int) {
                                           kept = sofar;
                                           if (sofar.points.size() >= 9) stop.cancel();
                                       }));
        QVERIFY(kept.points.size() >= 9 && kept.points.size() < 73);
        QCOMPARE(kept.points[5].parameter, whole.points[5].parameter);
    }

    // The per-node error lands on the node it belongs to, also under permutations: the
    // first draw of SO3*Perm is the rotation SO3 draws first, so the node maps agree.
    void perNodeErrorIsIndexedByOriginalNode() {
        auto mlp = make("mlp", {{"output", "vector"}});
        EvaluationOptions o;
        o.samples = 1;
        o.float64 = true;
        const ErrorReport r = Evaluator(*mlp, data_, o).check(*makeGroup("SO3*Perm"));
        const ErrorReport plain = Evaluator(*mlp, data_, o).check(*makeGroup("SO3"));
        QCOMPARE(r.nodeMean.size(), std::size_t(300));
        QVERIFY(!r.elements.front().permutation.empty());
        for (std::size_t i = 0; i < 300; ++i)
            QVERIFY(std::abs(r.nodeMean[i] - plain.nodeMean[i]) < 1e-9);
        QCOMPARE(QString::fromStdString(r.dtype), QString("float64"));
        // The live view's aggregation of one element agrees with the check's.
        const GroupElement g = r.elements.front();
        const Evaluator e(*mlp, data_, o);
        const NodeErrors live = nodeErrors(e.twoPaths(g), g, true);
        QCOMPARE(live.perNode.size(), std::size_t(300));
        for (std::size_t i = 0; i < 300; ++i)
            QVERIFY(std::abs(live.perNode[i] - r.nodeMean[i]) < 1e-9);
        QVERIFY(std::abs(live.mean - r.meanError) < 1e-9);
        QCOMPARE(live.max, *std::max_element(live.perNode.begin(), live.perNode.end()));
    }

    void weightsSaveAndLoad() {
        QTemporaryDir dir;
        for (const char* name : {"mlp", "pointnet", "egnn", "frame_averaging", "tinvnn"}) {
            auto a = make(name, {{"seed", "1"}}), b = make(name, {{"seed", "2"}});
            EvaluationOptions o;
            const auto ya = Evaluator(*a, data_, o).baseline(),
                       yb = Evaluator(*b, data_, o).baseline();
            QVERIFY2(!torch::allclose(ya, yb), name); // different seeds, different weights
            const std::string path = dir.filePath(QString(name) + ".weights").toStdString();
            a->save(path);
            b->load(path);
            QVERIFY2(torch::equal(Evaluator(*b, data_, o).baseline(), ya), name);
        }
        auto egnn = make("egnn");
        QVERIFY_THROWS_EXCEPTION(Error, egnn->load(dir.filePath("mlp.weights").toStdString()));
        auto wide = make("mlp", {{"hidden", "32"}});
        QVERIFY_THROWS_EXCEPTION(Error, wide->load(dir.filePath("mlp.weights").toStdString()));
    }

    void registryOptionsAreChecked() {
        QVERIFY_THROWS_EXCEPTION(Error, make("mlp", {{"bogus", "1"}}));
        QVERIFY_THROWS_EXCEPTION(Error, make("mlp", {{"hidden", "-3"}}));
        QVERIFY_THROWS_EXCEPTION(Error, make("egnn", {{"graph", "ring"}}));
        QVERIFY_THROWS_EXCEPTION(Error, make("nonexistent_model"));
        QVERIFY_THROWS_EXCEPTION(Error, make("tinvnn", {{"output", "vector"}}));
        QCOMPARE(builtinModels().all().size(), std::size_t(13));
    }

    void featureSelection() {
        QCOMPARE(QString::fromStdString(selectFeatures(data_, 1, {}).description),
                 QString("charge"));
        QCOMPARE(selectFeatures(data_, 0, {}).width, 0);
        const Sample cloud = sampleShape(DemoShape::Sphere, 10, 1); // pos + normal (vector)
        QCOMPARE(QString::fromStdString(selectFeatures(cloud, 1, {}).description), QString("ones"));
        QCOMPARE(selectFeatures(cloud, 3, {"normal"}).width, 3);
        try {
            selectFeatures(data_, 2, {});
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("F = 2"));
            QVERIFY(QString(e.what()).contains("charge (scalar, width 1)"));
        }
        QVERIFY_THROWS_EXCEPTION(Error, selectFeatures(cloud, 1, {"missing"}));
    }

    void subsetIsSeededDistinctAndIncreasing() {
        const auto a = seededSubset(1000, 100, 7);
        QCOMPARE(a, seededSubset(1000, 100, 7));
        QVERIFY(a != seededSubset(1000, 100, 8));
        QCOMPARE(a.size(), std::size_t(100));
        QVERIFY(std::adjacent_find(a.begin(), a.end(), std::greater_equal<>()) == a.end());
        QVERIFY(a.front() >= 0 && a.back() < 1000);
        QCOMPARE(seededSubset(5, 10, 1), (std::vector<int64_t>{0, 1, 2, 3, 4}));
    }

    // Rows of node fields (also over time) and edges between kept nodes, renumbered.
    void restrictionKeepsRowsAndInnerEdges() {
        Sample g = blob(6, 4);
        g.kind = SampleKind::Graph;
        g.edgeIndex = {0, 1, 2, 4, /* targets */ 1, 2, 5, 5};
        g.edgeFields.push_back(
            Field::perNode("w", FieldType::Scalar, 4, 1, {10, 11, 12, 13}, Storage::Float64));
        g.parts = {0, 0, 1, 1, 2, 2};
        std::vector<double> traj(2 * 6 * 3);
        for (std::size_t i = 0; i < traj.size(); ++i) traj[i] = static_cast<double>(i);
        Field track;
        track.name = "track";
        track.type = FieldType::Vector;
        track.shape = {2, 6, 3};
        track.values = traj;
        g.fields.push_back(track);
        const Sample r = restrictToNodes(g, {1, 2, 5});
        QCOMPARE(r.nodeCount(), int64_t(3));
        QCOMPARE(r.positions().at(2, 1), g.positions().at(5, 1));
        QCOMPARE(r.find("charge")->at(0, 0), g.find("charge")->at(1, 0));
        QCOMPARE(r.parts, (std::vector<int64_t>{0, 1, 2}));
        // Edges 1-2 and 2-5 stay (as 0-1 and 1-2) with their weights; 0-1 and 4-5 go.
        QCOMPARE(r.edgeIndex, (std::vector<int64_t>{0, 1, 1, 2}));
        QCOMPARE(r.edgeFields.front().values, (std::vector<double>{11, 12}));
        const Field& t = *r.find("track");
        QCOMPARE(t.shape, (std::vector<int64_t>{2, 3, 3}));
        QCOMPARE(t.values[(1 * 3 + 2) * 3], traj[(1 * 6 + 5) * 3]); // frame 1, node 5
        QVERIFY_THROWS_EXCEPTION(Error, restrictToNodes(g, {2, 1}));
        QVERIFY_THROWS_EXCEPTION(Error, restrictToNodes(g, {6}));
    }

    // A preview tells apart what the whole tells apart: EGNN stays exact on a subsample,
    // the MLP stays broken.
    void subsampleKeepsTheVerdict() {
        const Sample whole = blob(2000, 5);
        const Sample part = restrictToNodes(whole, seededSubset(2000, 300, 1));
        auto egnn = make("egnn", {{"graph", "knn"}, {"k", "8"}});
        QVERIFY(meanError(*egnn, part, "E3", false) < roundOffTolerance(false));
        auto mlp = make("mlp", {{"output", "vector"}});
        QVERIFY(meanError(*mlp, part, "SO3", false) > 1e-2);
    }

    void knnMatchesBruteForce() {
        const Sample s = blob(700, 9);
        const auto& p = s.positions().values;
        const int64_t n = 700, k = 7;
        const std::vector<int64_t> graph = knnGraph(p.data(), n, k);
        for (int64_t i = 0; i < n; ++i) {
            std::vector<std::pair<double, int64_t>> all;
            for (int64_t j = 0; j < n; ++j) {
                if (j == i) continue;
                double d = 0;
                for (int a = 0; a < 3; ++a)
                    d += (p[i * 3 + a] - p[j * 3 + a]) * (p[i * 3 + a] - p[j * 3 + a]);
                all.push_back({d, j});
            }
            std::sort(all.begin(), all.end());
            for (int64_t m = 0; m < k; ++m)
                QCOMPARE(graph[static_cast<std::size_t>(i * k + m)],
                         all[static_cast<std::size_t>(m)].second);
        }
        const std::vector<double> nan{0, 0, 0, std::nan(""), 1, 1};
        QVERIFY_THROWS_EXCEPTION(Error, knnGraph(nan.data(), 2, 1));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
