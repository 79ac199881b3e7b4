// A user's TorchScript model through the contract of model-format.md: spec in the extra
// file, sidecar fallback, caller-supplied answers, and a clear error for each malformed
// case; measured equivariance of exact, SO(2)-only and non-equivariant models; the Lie
// derivative of a linear map against its closed form.

#include "BuiltinModels.h"
#include "ScriptedModels.h"
#include "TestSupport.h"
#include "groups/Group.h"
#include "metrics/Equivariance.h"
#include "metrics/LieDerivative.h"
#include "scene/DemoScene.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <fstream>

using namespace equiscope;

namespace {

double meanError(Model& model, const std::string& group, bool float64 = false) {
    EvaluationOptions o;
    o.samples = 8;
    o.float64 = float64;
    static const Sample data = sampleShape(DemoShape::Composite, 400, 3);
    return Evaluator(model, data, o).check(*makeGroup(group)).meanError;
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

class TestTorchScript : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

  private Q_SLOTS:
    void equivariantModelPassesE3() {
        test::saveScripted(path("equi.pt"), test::kEquivariantSource,
                           test::specJson("position", "\"E3\""));
        auto m = builtinModels().create(path("equi.pt"));
        QCOMPARE(m->spec().output, FieldType::Position);
        QCOMPARE(QString::fromStdString(m->spec().symmetries.at(0)), QString("E3"));
        QVERIFY(meanError(*m, "E3") < 1e-4);
        QVERIFY(meanError(*m, "E3", true) < 1e-12);
    }

    // Irreps of degree 3 act through their Wigner-D: e3nn's harmonics are exact under O(3)
    // (they are "1y"-like: 0e+1o+2e+3o), a swapped l = 3 pair is not.
    void degreeThreeIrrepsOutput() {
        const std::string spec = R"({"output": "irreps", "output_irreps": "1x0e+1x1o+1x2e+1x3o",
                                     "per": "node", "feature_dim": 1, "symmetries": ["E3"]})";
        test::saveScripted(path("sh3.pt"), test::harmonicsSource(false), spec);
        test::saveScripted(path("sh3-wrong.pt"), test::harmonicsSource(true), spec);
        auto exact = builtinModels().create(path("sh3.pt"));
        auto wrong = builtinModels().create(path("sh3-wrong.pt"));
        QVERIFY(meanError(*exact, "E3", true) < 1e-10);
        QVERIFY(meanError(*exact, "E3") < 1e-4);
        QVERIFY(meanError(*wrong, "E3", true) > 1e-2);
    }

    void mlpFailsE3() {
        test::saveScripted(path("mlp.pt"), test::kMlpSource, test::specJson("vector", ""));
        auto m = builtinModels().create(path("mlp.pt"));
        QVERIFY(meanError(*m, "E3") > 1e-2);
        QVERIFY(meanError(*m, "Perm") < 1e-6);
    }

    void so2OnlyModelPassesSo2AndFailsSo3() {
        test::saveScripted(path("so2.pt"), test::kSo2Source,
                           test::specJson("vector", "\"SO2(z)\""));
        auto m = builtinModels().create(path("so2.pt"));
        QVERIFY(meanError(*m, "SO2(z)") < 1e-5);
        QVERIFY(meanError(*m, "SO3") > 1e-2);
        QVERIFY(meanError(*m, "SO2(x)") > 1e-2);
    }

    // For f(x) = M x the Lie derivative along A is [M, A] x exactly; the central difference
    // (step 1e-4) matches it to its truncation error (h^2 / 6 relative, ~1e-9).
    void lieDerivativeOfALinearMap() {
        test::saveScripted(path("linear.pt"), test::kLinearSource, test::specJson("vector", ""));
        auto m = builtinModels().create(path("linear.pt"));
        torch::jit::Module raw = torch::jit::load(path("linear.pt"));
        const torch::Tensor w = torch::matmul(raw.attr("W1").toTensor().to(torch::kFloat64),
                                              raw.attr("W2").toTensor().to(torch::kFloat64));
        Eigen::Matrix3d mt; // rows y = x W, so M = W^T on column vectors
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) mt(i, j) = w[j][i].item<double>();
        const Sample data = sampleShape(DemoShape::Box, 50, 4);
        EvaluationOptions o;
        o.float64 = true;
        const auto reports = lieDerivatives(Evaluator(*m, data, o), *makeGroup("SO3"));
        const auto generators = makeGroup("SO3")->generators();
        for (std::size_t g = 0; g < 3; ++g) {
            const Eigen::Matrix3d a = generators[g].linear;
            for (int64_t i = 0; i < data.nodeCount(); ++i) {
                const Eigen::Vector3d x(data.positions().at(i, 0), data.positions().at(i, 1),
                                        data.positions().at(i, 2));
                const double exact = ((mt * a - a * mt) * x).norm();
                QVERIFY(std::abs(reports[g].nodeNorm[static_cast<std::size_t>(i)] - exact) <=
                        1e-7 * std::max(1.0, exact));
            }
        }
    }

    void sidecarAndCallerAnswers() {
        test::saveScripted(path("nospec.pt"), test::kEquivariantSource, "", false);
        QVERIFY(errorOf([&] {
                    builtinModels().create(path("nospec.pt"));
                }).find("has no equiscope.json") != std::string::npos);
        // Answers from the caller (CLI flags / GUI dialog).
        auto answered = builtinModels().create(
            path("nospec.pt"), {{"output", "position"}, {"per", "node"}, {"feature_dim", "1"}});
        QVERIFY(meanError(*answered, "E3") < 1e-4);
        // A sidecar next to the file.
        std::ofstream(path("nospec.pt.json")) << test::specJson("position", "\"E3\"");
        auto sidecar = builtinModels().create(path("nospec.pt"));
        QCOMPARE(sidecar->spec().output, FieldType::Position);
        // Saved again by us, the spec travels inside the file.
        sidecar->save(path("resaved.pt"));
        QCOMPARE(builtinModels().create(path("resaved.pt"))->spec().output, FieldType::Position);
    }

    void malformedSpecs_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{output: vector"
                                  << "not valid JSON";
        QTest::newRow("missing output") << R"({"per": "node", "feature_dim": 1})"
                                        << "key 'output': missing";
        QTest::newRow("missing per") << R"({"output": "vector", "feature_dim": 1})"
                                     << "key 'per': missing";
        QTest::newRow("missing feature_dim") << R"({"output": "vector", "per": "node"})"
                                             << "key 'feature_dim': missing";
        QTest::newRow("wrong type") << R"({"output": 3, "per": "node", "feature_dim": 1})"
                                    << "key 'output': expected a string";
        QTest::newRow("bad output value")
            << R"({"output": "spinor", "per": "node", "feature_dim": 1})"
            << "got 'spinor'";
        QTest::newRow("bad per value") << R"({"output": "vector", "per": "edge", "feature_dim": 1})"
                                       << "expected node or graph";
        QTest::newRow("negative feature_dim")
            << R"({"output": "vector", "per": "node", "feature_dim": -1})"
            << "integer >= 0";
        QTest::newRow("irreps without string")
            << R"({"output": "irreps", "per": "node", "feature_dim": 1})"
            << "'output_irreps'";
        QTest::newRow("bad irreps")
            << R"({"output": "irreps", "per": "node", "feature_dim": 1, "output_irreps": "3xq"})"
            << "output_irreps";
        QTest::newRow("bad inputs")
            << R"({"output": "vector", "per": "node", "feature_dim": 1, "inputs": ["feat", "pos"]})"
            << "key 'inputs'";
    }
    void malformedSpecs() {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        test::saveScripted(path("bad.pt"), test::kEquivariantSource, spec.toStdString());
        const std::string e = errorOf([&] { builtinModels().create(path("bad.pt")); });
        QVERIFY2(QString::fromStdString(e).contains(message), e.c_str());
        QVERIFY2(QString::fromStdString(e).contains("bad.pt"), e.c_str());
    }

    void shapeMismatchAndNonTorchScript() {
        test::saveScripted(path("shape.pt"), test::kBadShapeSource, test::specJson("vector", ""));
        auto m = builtinModels().create(path("shape.pt"));
        const std::string e = errorOf([&] { meanError(*m, "SO3"); });
        QVERIFY2(e.find("forward returned shape [1, 400, 2]") != std::string::npos, e.c_str());
        QVERIFY2(e.find("needs [1, 400, 3]") != std::string::npos, e.c_str());
        std::ofstream(path("garbage.pt")) << "this is not a zip archive";
        const std::string g = errorOf([&] { builtinModels().create(path("garbage.pt")); });
        QVERIFY2(g.find("not a TorchScript file") != std::string::npos, g.c_str());
        const std::string f = errorOf([&] {
            builtinModels().create(path("equi.pt"), {{"hidden", "3"}});
        });
        QVERIFY2(f.find("takes no option 'hidden'") != std::string::npos, f.c_str());
    }
};

QTEST_GUILESS_MAIN(TestTorchScript)
#include "test_torchscript.moc"
