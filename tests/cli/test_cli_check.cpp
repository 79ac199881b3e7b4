// equiscope-cli check / sweep / profile / lie / models, as a CI pipeline uses them: a
// user's TorchScript models, the exact JSON keys, exit status 1 above --tol and 2 on bad
// input.

#include "ScriptedModels.h"
#include "TestSupport.h"

#include <cmath>

namespace {

using Run = equiscope::test::CliRun;

Run cli(const QStringList& args) {
    return equiscope::test::runTool("equiscope-cli", args);
}

double meanOf(const Run& r, int index = 0) {
    return r.json()["results"][index]["mean_error"].toDouble();
}

} // namespace

class TestCliCheck : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString equivariant_, mlp_, so2_;

  private Q_SLOTS:
    void initTestCase() {
        equivariant_ = dir_.filePath("equivariant.pt");
        mlp_ = dir_.filePath("mlp.pt");
        so2_ = dir_.filePath("so2.pt");
        equiscope::test::saveScripted(equivariant_.toStdString(),
                                      equiscope::test::kEquivariantSource,
                                      equiscope::test::specJson("position", "\"E3\""));
        equiscope::test::saveScripted(mlp_.toStdString(), equiscope::test::kMlpSource,
                                      equiscope::test::specJson("vector", ""));
        equiscope::test::saveScripted(so2_.toStdString(), equiscope::test::kSo2Source,
                                      equiscope::test::specJson("vector", "\"SO2(z)\""));
    }

    void checkJsonHasExactlyTheDocumentedKeys() {
        const Run r = cli({"check", "--model", equivariant_, "--data", "demo", "--group", "E3,SO3",
                           "--samples", "4", "--json"});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out.count('\n'), 1);
        const QJsonObject o = r.json();
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys, QStringList({"batch", "data", "device", "dtype", "forward_bytes",
                                    "graph_builds", "model", "results", "seed"}));
        QCOMPARE(o["graph_builds"].toInt(), 0); // a TorchScript model builds its own graphs
        QVERIFY(o["batch"].toInt() >= 1 && o["forward_bytes"].toDouble() > 0); // --batch auto
        QCOMPARE(o["dtype"].toString(), QString("float32"));
        QCOMPARE(o["device"].toString(), QString("cpu"));
        QCOMPARE(o["results"].toArray().size(), 2);
        QStringList resultKeys = o["results"][0].toObject().keys();
        resultKeys.sort();
        QCOMPARE(resultKeys, QStringList({"group", "max_error", "mean_error", "samples"}));
        QCOMPARE(o["results"][0]["group"].toString(), QString("E3"));
        QCOMPARE(o["results"][0]["samples"].toInt(), 4);
        QVERIFY(meanOf(r) < 1e-4); // the acceptance figure: exact model, float32
    }

    void mlpFailsAndToleranceGivesExitOne() {
        const Run r = cli({"check", "--model", mlp_, "--group", "E3", "--json"});
        QCOMPARE(r.status, 0);
        QVERIFY(meanOf(r) > 1e-2);
        const Run gated = cli({"check", "--model", mlp_, "--group", "E3", "--tol", "1e-3"});
        QCOMPARE(gated.status, 1);
        QVERIFY(gated.err.contains("FAIL: E3"));
        const Run passing =
            cli({"check", "--model", equivariant_, "--group", "E3", "--tol", "1e-4"});
        QCOMPARE(passing.status, 0);
    }

    void so2ModelPassesSo2AndFailsSo3() {
        const Run r =
            cli({"check", "--model", so2_, "--group", "SO2,SO3", "--json", "--seed", "3"});
        QCOMPARE(r.status, 0);
        QVERIFY(meanOf(r, 0) < 1e-5);
        QVERIFY(meanOf(r, 1) > 1e-2);
        QCOMPARE(r.json()["seed"].toInteger(), 3);
    }

    void float64AndReport() {
        const QString report = dir_.filePath("report.json");
        const Run r =
            cli({"check", "--model", "egnn", "--model-option", "graph=full", "--data",
                 equiscope::test::realPointClouds() + "/modelnet_stool_0002.off", "--group",
                 "E3*Perm", "--dtype", "float64", "--samples", "3", "--json", "--report", report});
        QCOMPARE(r.status, 0);
        QVERIFY(meanOf(r) < 1e-10);
        const QJsonObject full = QJsonDocument::fromJson(equiscope::test::readAll(report)).object();
        QCOMPARE(full["results"][0]["elements"].toArray().size(), 3);
        QCOMPARE(full["results"][0]["elements"][0]["linear"].toArray().size(), 9);
        QCOMPARE(full["results"][0]["elements"][0]["permutation"].toArray().size(), 547);
    }

    void badInputExitsTwo_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown group") << QStringList{"check", "--model", "mlp", "--group", "SO4"};
        QTest::newRow("missing group") << QStringList{"check", "--model", "mlp"};
        QTest::newRow("unknown model")
            << QStringList{"check", "--model", "resnet", "--group", "SO3"};
        QTest::newRow("bad dtype")
            << QStringList{"check", "--model", "mlp", "--group", "SO3", "--dtype", "float16"};
        QTest::newRow("bad model option") << QStringList{
            "check", "--model", "mlp", "--model-option", "depth=3", "--group", "SO3"};
        QTest::newRow("bad data") << QStringList{
            "check", "--model", "mlp", "--group", "SO3", "--data", "/nonexistent.ply"};
        QTest::newRow("bad samples")
            << QStringList{"check", "--model", "mlp", "--group", "SO3", "--samples", "0"};
        QTest::newRow("unknown option")
            << QStringList{"check", "--model", "mlp", "--group", "SO3", "--frobnicate"};
        QTest::newRow("features mismatch") << QStringList{
            "check", "--model", "mlp", "--model-option", "feature_dim=2", "--group", "SO3"};
        QTest::newRow("finite group sweep")
            << QStringList{"sweep", "--model", "mlp", "--group", "Perm"};
        QTest::newRow("bad axis") << QStringList{"sweep", "--model", "mlp", "--axis", "1,2"};
        QTest::newRow("samples sweep of a model without K")
            << QStringList{"sweep", "--model", "mlp", "--over", "samples"};
        QTest::newRow("decreasing K")
            << QStringList{"sweep", "--model", "affine_mc", "--over", "samples", "--values", "4,2"};
        QTest::newRow("bad over") << QStringList{"sweep", "--model", "mlp", "--over", "time"};
        QTest::newRow("bad graph reuse")
            << QStringList{"check", "--model", "mlp", "--group", "SO3", "--graph-reuse", "maybe"};
    }

    void badInputExitsTwo() {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.status, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY(r.err.startsWith("equiscope-cli"));
    }

    void sweepCsvAndJson() {
        const Run csv =
            cli({"sweep", "--model", mlp_, "--group", "SO3", "--axis", "0,0,1", "--steps", "5"});
        QCOMPARE(csv.status, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0], QByteArray("parameter (deg),mean_error,max_error"));
        QVERIFY(lines[1].startsWith("0,0,"));
        const Run json = cli({"sweep", "--model", so2_, "--group", "SO3", "--axis", "0,0,1",
                              "--steps", "5", "--json"});
        const QJsonArray points = json.json()["points"].toArray();
        QCOMPARE(points.size(), 5);
        for (const auto& p : points)
            QVERIFY(p.toObject()["mean_error"].toDouble() < 1e-5); // rotations about z only
        const Run tilted = cli({"sweep", "--model", so2_, "--group", "SO3", "--axis", "1,0,0",
                                "--steps", "5", "--json"});
        QVERIFY(tilted.json()["points"][2]["mean_error"].toDouble() > 1e-2);
    }

    // affine_mc's error against K: about 1/sqrt(K) under rotations, whose Haar measure the
    // samples follow; a floor under GL3's stretches, which no probability measure is
    // invariant under. The reference line starts at the first point.
    void sweepOverSamplesConverges() {
        const QStringList common = {"sweep",       "--model",   "affine_mc", "--over",
                                    "samples",     "--values",  "1,4,16,64", "--data",
                                    "shapes:test", "--index",   "7",         "--dtype",
                                    "float64",     "--samples", "8",         "--json"};
        const Run so3 = cli(common + QStringList{"--group", "SO3"});
        const Run gl3 = cli(common + QStringList{"--group", "GL3"});
        QCOMPARE(so3.status, 0);
        QCOMPARE(gl3.status, 0);
        const QJsonArray p = so3.json()["points"].toArray();
        QCOMPARE(p.size(), 4);
        QCOMPARE(p[0]["samples"].toInt(), 1);
        QCOMPARE(p[0]["reference"].toDouble(), p[0]["mean_error"].toDouble());
        QVERIFY(std::abs(p[3]["reference"].toDouble() - p[0]["mean_error"].toDouble() / 8) < 1e-12);
        QVERIFY(p[3]["mean_error"].toDouble() < p[0]["mean_error"].toDouble() / 3);
        const double slope = so3.json()["slope"].toDouble(),
                     flatter = gl3.json()["slope"].toDouble();
        QVERIFY2(slope < -0.3 && slope > -0.8, qPrintable(QString::number(slope)));
        QVERIFY2(flatter > slope, qPrintable(QString::number(flatter)));
        // At K = 64 the rotations follow the reference line, the stretches stay above it.
        const auto aboveReference = [](const Run& r) {
            const QJsonObject last = r.json()["points"][3].toObject();
            return last["mean_error"].toDouble() / last["reference"].toDouble();
        };
        QVERIFY(aboveReference(so3) < 1.5);
        QVERIFY(aboveReference(gl3) > 1.3 * aboveReference(so3));
        const Run csv = cli({"sweep", "--model", "affine_mc", "--over", "samples", "--values",
                             "1,2", "--data", "shapes:test", "--samples", "2"});
        QCOMPARE(csv.status, 0);
        QVERIFY(csv.out.startsWith("samples,mean_error,max_error,reference"));
        QCOMPARE(csv.out.trimmed().split('\n').size(), 4); // header, 2 rows, the slope
    }

    // A kNN EGNN's graph is built once on x and relabelled for E3 x Perm elements; without
    // reuse it is rebuilt on each g.x, and the errors agree to round-off.
    void knnGraphIsBuiltOnceAndChangesNoError() {
        const QStringList args = {"check",  "--model",     "egnn",    "--model-option", "graph=knn",
                                  "--data", "shapes:test", "--group", "E3,Perm",        "--samples",
                                  "6",      "--dtype",     "float64", "--json"};
        const Run reused = cli(args);
        const Run rebuilt = cli(args + QStringList{"--graph-reuse", "off"});
        QCOMPARE(reused.status, 0);
        QCOMPARE(rebuilt.status, 0);
        QCOMPARE(reused.json()["graph_builds"].toInt(), 1);
        QCOMPARE(rebuilt.json()["graph_builds"].toInt(), 0);
        for (int g = 0; g < 2; ++g) {
            QVERIFY(meanOf(reused, g) < 1e-10);
            QVERIFY(std::abs(meanOf(reused, g) - meanOf(rebuilt, g)) < 1e-12);
        }
    }
    void profileAndLie() {
        const Run p = cli({"profile", "--model", "egnn", "--samples", "2", "--json", "--data",
                           equiscope::test::realPointClouds() + "/pcl_bunny_ascii.pcd"});
        QCOMPARE(p.status, 0);
        QVERIFY(p.json()["results"].toArray().size() >= 10);
        const Run lie = cli({"lie", "--model", equivariant_, "--group", "SE3", "--json"});
        QCOMPARE(lie.status, 0);
        const QJsonArray generators = lie.json()["generators"].toArray();
        QCOMPARE(generators.size(), 6);
        for (const auto& g : generators) QVERIFY(g.toObject()["relative_norm"].toDouble() < 1e-6);
        const Run mlpLie = cli({"lie", "--model", mlp_, "--group", "SO3"});
        QVERIFY(mlpLie.out.contains("Lx"));
    }

    // The training command's contract (the levels themselves: test_per_training).
    void trainPerJson() {
        QTemporaryDir dir;
        const Run r = cli({"train", "per", "--task", "cossim", "--variant", "so3", "--epochs", "30",
                           "--adjust-epoch", "12", "--json", "--out", dir.path()});
        QCOMPARE(r.status, 0);
        QStringList keys = r.json().keys();
        keys.sort();
        QCOMPARE(keys, QStringList({"epsilon", "equivariance_error", "levels", "levels_normalized",
                                    "regularizer", "seed", "task", "test_mse",
                                    "true_equivariance_error", "variant"}));
        QStringList groups = r.json()["levels"].toObject().keys();
        groups.sort();
        QCOMPARE(groups, QStringList({"SO3", "SO3*Scale", "Scale"}));
        QCOMPARE(r.json()["levels"].toObject()["SO3*Scale"].toDouble(),
                 0.0); // the reference group is not regularized
        QVERIFY(r.json()["true_equivariance_error"].toObject()["SO3"].toDouble() < 1e-12);
        QVERIFY(r.json()["true_equivariance_error"].toObject()["Scale"].toDouble() > 1e-2);
        const QList<QByteArray> curves =
            equiscope::test::readAll(dir.filePath("curves.csv")).trimmed().split('\n');
        QVERIFY(curves.size() >= 2);
        QVERIFY(
            curves[0].startsWith("epoch,train_loss,validation_mse,learning_rate,lambda_SO3*Scale"));
        // The trained model goes to the engine like any other.
        const Run check = cli({"check", "--model", "per", "--model-option", "task=cossim", "--load",
                               dir.filePath("model.pt"), "--data", dir.filePath("sample.npy"),
                               "--group", "SO3", "--samples", "4", "--json"});
        QCOMPARE(check.status, 0);
        QCOMPARE(check.json()["results"].toArray().size(), 1);
        QVERIFY(QFile::exists(dir.filePath("log.json")));
        QVERIFY(QFile::exists(dir.filePath("checkpoint/trainer.json")));
        // Resuming a finished run trains nothing more and reports the same result.
        const Run again =
            cli({"train", "per", "--task", "cossim", "--variant", "so3", "--epochs", "30",
                 "--adjust-epoch", "12", "--json", "--out", dir.path(), "--resume"});
        QCOMPARE(again.status, 0);
        QCOMPARE(again.json()["levels"], r.json()["levels"]);
        QCOMPARE(again.json()["test_mse"], r.json()["test_mse"]);
        QCOMPARE(cli({"train", "per", "--task", "orbits"}).status, 2);
        QCOMPARE(cli({"train", "per", "--model", "transformer"}).status, 2);
        QCOMPARE(cli({"train", "per", "--resume"}).status, 2);
        QCOMPARE(cli({"train", "mystery"}).status, 2);
    }

    // Motion reports the ADE too; a baseline trains through the same command and is checked
    // like any engine model (EMLP: exactly O(3)-equivariant, so E(3) on the positions).
    void trainMotionBaseline() {
        QTemporaryDir dir;
        const Run r = cli({"train", "per", "--task", "motion", "--model", "emlp", "--epochs", "20",
                           "--json", "--out", dir.path()});
        QCOMPARE(r.status, 0);
        QVERIFY(r.json()["test_ade"].toDouble() > 0);
        QCOMPARE(r.json()["levels"].toObject()["O2z"].toDouble(), 0.0); // no strengths to learn
        const Run check =
            cli({"check", "--model", "per", "--model-option", "task=motion", "--model-option",
                 "model=emlp", "--load", dir.filePath("model.pt"), "--data",
                 dir.filePath("sample.npy"), "--group", "E3", "--samples", "8", "--json"});
        QCOMPARE(check.status, 0);
        QVERIFY(check.json()["results"][0]["mean_error"].toDouble() < 1e-5);
    }

    // Issue 6's acceptance from the CLI: a permutation check on a graph model (a MUTAG graph,
    // laid out as the app shows it) and an SO(2) check on a forecasting model (a frame of an
    // NRI simulation).
    void graphAndTrajectoryChecks() {
        const QString real = QStringLiteral(EQUISCOPE_REAL_DATA);
        const Run perm = cli({"check", "--model", "spen", "--data", real + "/graphs/MUTAG",
                              "--index", "5", "--group", "Perm", "--dtype", "float64", "--json"});
        QCOMPARE(perm.status, 0);
        QVERIFY(perm.json()["results"][0]["mean_error"].toDouble() < 1e-12);
        const Run so2 = cli({"check", "--model", "subequivariant", "--data",
                             real + "/trajectories/nri_springs5_valid_loc.npy", "--index", "2",
                             "--frame", "30", "--group", "SO2(z),SO3", "--json"});
        QCOMPARE(so2.status, 0);
        QVERIFY(so2.json()["results"][0]["mean_error"].toDouble() < 1e-5);
        QVERIFY(so2.json()["results"][1]["mean_error"].toDouble() > 1e-3);
        QCOMPARE(cli({"check", "--model", "mpnn", "--data", real + "/graphs/MUTAG", "--index",
                      "188", "--group", "Perm"})
                     .status,
                 2); // MUTAG has graphs 0..187
    }

    // TimeShift moves the frame's clock reading: a model fed the time field breaks it, the
    // same model fed no clock and an autonomous forecaster keep it exactly.
    void timeShiftOnATrajectory() {
        const QString clock = dir_.filePath("clock.pt");
        equiscope::test::saveScripted(clock.toStdString(), equiscope::test::kClockSource,
                                      equiscope::test::specJson("position", ""));
        const QString nri =
            QStringLiteral(EQUISCOPE_REAL_DATA) + "/trajectories/nri_springs5_valid_loc.npy";
        const QStringList at = {"--data",  nri,         "--index", "2",       "--frame", "30",
                                "--group", "TimeShift", "--dtype", "float64", "--json"};
        const Run reading = cli(QStringList{"check", "--model", clock, "--features", "time"} + at);
        QCOMPARE(reading.status, 0);
        QVERIFY(meanOf(reading) > 1e-3);
        const Run blind = cli(QStringList{"check", "--model", clock} + at);
        QCOMPARE(blind.status, 0);
        QCOMPARE(meanOf(blind), 0.0);
        const Run forecaster = cli(QStringList{"check", "--model", "subequivariant"} + at);
        QCOMPARE(forecaster.status, 0);
        QVERIFY(meanOf(forecaster) < 1e-12);
        QCOMPARE(cli({"lie", "--model", clock, "--data", nri, "--group", "TimeShift"}).status, 2);
        // A sweep runs the clock over the trajectory's span (49 frames: -48..48).
        const Run sweep =
            cli({"sweep", "--model", clock, "--features", "time", "--data", nri, "--frame", "30",
                 "--group", "TimeShift", "--steps", "5", "--dtype", "float64", "--json"});
        QCOMPARE(sweep.status, 0);
        const QJsonArray points = sweep.json()["points"].toArray();
        QCOMPARE(points.size(), 5);
        QCOMPARE(points[0].toObject()["parameter"].toDouble(), -48.0);
        QVERIFY(points[2].toObject()["mean_error"].toDouble() < 1e-12); // no shift
        QVERIFY(points[0].toObject()["mean_error"].toDouble() > 1e-3);
    }

    // Issue 7 from the CLI: train apen's JSON, then PiecewiseE3 checks of the trained model
    // over true and predicted parts; frame averaging over the whole scene (exactly E(3)) fails
    // the piecewise check.
    void apenTrainAndPiecewiseChecks() {
        const QString out = dir_.filePath("apen");
        const Run trained = cli({"train", "apen", "--scenes", "4", "--held-out", "2", "--epochs",
                                 "2", "--seed", "3", "--out", out, "--json"});
        QCOMPARE(trained.status, 0);
        QStringList keys = trained.json().keys();
        keys.sort();
        QCOMPARE(keys, QStringList({"mean_uncertainty", "miou", "piecewise_error", "scenes", "seed",
                                    "spearman_uncertainty_error"}));
        QCOMPARE(trained.json()["scenes"].toInt(), 4);
        QVERIFY(QFile::exists(out + "/model.pt") && QFile::exists(out + "/scores.csv"));
        for (const char* parts : {"gt", "pred"}) {
            const Run check =
                cli({"check", "--model", "apen", "--load", out + "/model.pt", "--data", "parts:3",
                     "--group", "PiecewiseE3", "--parts", parts, "--samples", "2", "--json"});
            QCOMPARE(check.status, 0);
            QVERIFY(check.json()["results"][0]["group"].toString().startsWith(
                QString("PiecewiseE3(") + parts));
            QVERIFY(meanOf(check) >= 0 && meanOf(check) < 1);
        }
        const Run global =
            cli({"check", "--model", "frame_averaging", "--data", "parts:3", "--group",
                 "E3,PiecewiseE3", "--dtype", "float64", "--samples", "2", "--json"});
        QCOMPARE(global.status, 0);
        QVERIFY(meanOf(global, 0) < 1e-9 && meanOf(global, 1) > 1e-3);
        QCOMPARE(
            cli({"check", "--model", "egnn", "--data", "demo:sphere", "--group", "PiecewiseE3"})
                .status,
            2); // no parts
        QCOMPARE(cli({"check", "--model", "egnn", "--data", "parts", "--group", "PiecewiseE3",
                      "--parts", "pred"})
                     .status,
                 2); // egnn predicts no partition
        QCOMPARE(
            cli({"check", "--model", "egnn", "--data", "parts", "--group", "E3", "--parts", "gt"})
                .status,
            2);
    }

    void modelsListsTheBuiltIns() {
        const Run r = cli({"models", "--json"});
        QCOMPARE(r.status, 0);
        const QJsonArray models = QJsonDocument::fromJson(r.out).array();
        QStringList names;
        for (const auto& m : models) names << m.toObject()["name"].toString();
        QCOMPARE(names, QStringList({"mlp", "pointnet", "egnn", "subequivariant", "frame_averaging",
                                     "tinvnn", "mpnn", "spen", "tensor_product", "affine_fa",
                                     "affine_mc", "per", "apen"}));
        QCOMPARE(models[2]["symmetries"].toArray().first().toString(), QString("E3"));
    }
};

QTEST_GUILESS_MAIN(TestCliCheck)
#include "test_cli_check.moc"
