// Interactive exploration in the main window, headless under Xvfb: the transform panel
// drives the error field; an exactly equivariant model gives uniformly low colours and the
// MLP varied ones; object-mode drags move the data, not the camera; sweeps fill the chart;
// the inspector shows both paths; a session saves and restores identically.

#include "ChartsPanel.h"
#include "EvaluationPanel.h"
#include "Exploration.h"
#include "GuiTestSupport.h"
#include "InspectorPanel.h"
#include "MainWindow.h"
#include "ModelPanel.h"
#include "PermutationLayer.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "SessionController.h"
#include "TestSupport.h"
#include "TrainingController.h"
#include "TransformPanel.h"
#include "TwoPathLayer.h"
#include "VtkViewport.h"
#include "groups/Group.h"

#include <QComboBox>
#include <QImage>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <set>
#include <vtkCamera.h>
#include <vtkRenderer.h>

using equiscope::gui::MainWindow;
using namespace equiscope;

namespace {

int distinctSceneColours(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width() * 80 / 100; ++x) {
            const QRgb c = image.pixel(x, y);
            const int spread =
                std::max({qRed(c), qGreen(c), qBlue(c)}) - std::min({qRed(c), qGreen(c), qBlue(c)});
            if (spread > 40) colours.insert(c & 0xf0f0f0); // coarse bins: shading noise aside
        }
    return static_cast<int>(colours.size());
}

} // namespace

class TestGuiExploration : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> window_;

    void applyAndWait(const QString& model, const ModelOptions& options) {
        QSignalSpy evaluated(window_->exploration(), &gui::Exploration::evaluated);
        QCOMPARE(test::applyModelAndWait(*window_, model, options), QString());
        QVERIFY(!evaluated.isEmpty() || evaluated.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!window_->exploration()->worker()->busy(), 60000);
    }
    void setTransformAndWait(const std::string& text) {
        QSignalSpy evaluated(window_->exploration(), &gui::Exploration::evaluated);
        window_->transformPanel()->setCurrent(Transform::parse(text));
        QVERIFY(evaluated.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!window_->exploration()->worker()->busy(), 60000);
    }

  private Q_SLOTS:
    void initTestCase() {
        if (!equiscope::test::hasGl()) QSKIP("needs an X server with GL (run under xvfb-run)");
        window_ = equiscope::test::openWindow(
            test::realPointClouds() + "/bunny_points_normals_binary_le.ply", QSize(560, 420));
        QVERIFY(window_);
    }

    void panelDrivesTheErrorField() {
        applyAndWait("mlp", {{"output", "vector"}});
        setTransformAndWait("SO3:axis=0,0,1;angle=30");
        const std::vector<double> first = window_->layer()->shownValues();
        QCOMPARE(static_cast<int64_t>(first.size()), window_->dataset()->samples[0].nodeCount());
        setTransformAndWait("SO3:axis=0,0,1;angle=120");
        const std::vector<double> second = window_->layer()->shownValues();
        QVERIFY(first != second);
        QVERIFY(window_->evaluationPanel()->text().contains("mean error"));
        QVERIFY(window_->exploration()->twoPaths()->glyphs() > 0);
        // The colour choice follows the model: the error, or back to a field of the data.
        QVERIFY(window_->layer()->legendVisible());
        QCOMPARE(window_->colorCombo()->currentText(), QString("equivariance error"));
        window_->colorCombo()->setCurrentIndex(0);
        QVERIFY(window_->layer()->quantities()->shown() != "equivariance error");
        QVERIFY(window_->layer()->shownValues() != second);
        window_->colorCombo()->setCurrentText("equivariance error");
        QCOMPARE(window_->layer()->shownValues(), second);
    }

    void equivariantModelIsUniformlyLowAndMlpVaries() {
        window_->exploration()->twoPaths()->setVisible(false);
        window_->evaluationPanel()->setLockedRange(true, 0, 2.0); // one scale for both models
        applyAndWait("egnn", {});
        setTransformAndWait("SO3:axis=1,1,0;angle=60");
        double egnnMax = 0;
        for (double e : window_->layer()->shownValues()) egnnMax = std::max(egnnMax, e);
        QVERIFY(egnnMax < 1e-4);
        const int egnnColours = distinctSceneColours(window_->viewport()->grabFramebuffer());

        applyAndWait("mlp", {{"output", "vector"}});
        setTransformAndWait("SO3:axis=1,1,0;angle=60");
        const int mlpColours = distinctSceneColours(window_->viewport()->grabFramebuffer());
        QVERIFY2(egnnColours <= 8 && mlpColours > 2 * std::max(egnnColours, 4),
                 qPrintable(QString("EGNN %1 colours, MLP %2").arg(egnnColours).arg(mlpColours)));
        window_->evaluationPanel()->setLockedRange(false, 0, 0.5);
        window_->exploration()->twoPaths()->setVisible(true);
    }

    // The symmetry profile draws each group's bar as it is measured (issue 12, item 2).
    void profileDrawsEachGroupAsItArrives() {
        applyAndWait("mlp", {{"output", "vector"}});
        QSignalSpy done(window_->exploration(), &gui::Exploration::analysisDone);
        std::set<qsizetype> partial; // CSV rows of each drawing: header + groups so far
        const auto seen = connect(window_->charts(), &views::ChartsPanel::barsChanged, this,
                                  [&](views::ChartsPanel::Chart chart) {
                                      if (chart == views::ChartsPanel::ProfileChart)
                                          partial.insert(window_->charts()->csv(chart).size());
                                  });
        window_->exploration()->runProfile();
        QVERIFY(done.wait(120000));
        disconnect(seen);
        const auto groups = static_cast<qsizetype>(candidateGroups().size());
        QCOMPARE(window_->charts()->csv(views::ChartsPanel::ProfileChart).size(), groups + 1);
        partial.erase(0); // before the first bar (the chart still empty)
        partial.erase(1);
        QVERIFY2(partial.size() >= 3 && *partial.rbegin() <= groups + 1,
                 qPrintable(QString("%1 intermediate profiles").arg(partial.size())));
    }

    void lieDerivativeDrawsEachGeneratorAsItArrives() {
        applyAndWait("mlp", {{"output", "vector"}});
        window_->transformPanel()->setCurrent(Transform::identity("SE3"));
        QSignalSpy done(window_->exploration(), &gui::Exploration::analysisDone);
        std::set<qsizetype> partial; // CSV rows of each drawing: header + generators so far
        const auto seen = connect(window_->charts(), &views::ChartsPanel::barsChanged, this,
                                  [&](views::ChartsPanel::Chart chart) {
                                      if (chart == views::ChartsPanel::LieChart)
                                          partial.insert(window_->charts()->csv(chart).size());
                                  });
        window_->exploration()->runLie();
        QVERIFY(done.wait(120000));
        disconnect(seen);
        QCOMPARE(window_->charts()->csv(views::ChartsPanel::LieChart).size(), 7); // 6 generators
        partial.erase(0);
        partial.erase(1);
        QVERIFY2(partial.size() >= 2 && *partial.rbegin() <= 7,
                 qPrintable(QString("%1 intermediate Lie charts").arg(partial.size())));
    }

    void objectModeMovesTheDataNotTheCamera() {
        window_->transformPanel()->setCurrent(Transform::identity("SO3"));
        window_->objectModeAction()->setChecked(true);
        vtkCamera* camera = window_->viewport()->renderer()->GetActiveCamera();
        double before[3], after[3];
        camera->GetPosition(before);
        QTest::mousePress(window_->viewport(), Qt::LeftButton, {}, QPoint(200, 200));
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(window_->viewport(), QPoint(200 + 15 * i, 200));
        QTest::mouseRelease(window_->viewport(), Qt::LeftButton, {}, QPoint(275, 200));
        camera->GetPosition(after);
        QCOMPARE(std::vector<double>(before, before + 3), std::vector<double>(after, after + 3));
        const Transform t = window_->transformPanel()->current();
        QVERIFY(std::abs(t.values[3]) > 10); // the angle moved with the drag
        window_->objectModeAction()->setChecked(false);
    }

    // A permutation leaves the points where they are; lines show which node went where
    // (at most PermutationLayer::kMaxLines of them), and they go when it is undone.
    void permutationIsDrawn() {
        window_->transformPanel()->setCurrent(Transform::parse("Perm:shuffle=3"));
        const int64_t lines = window_->exploration()->permutation()->lines();
        QVERIFY2(lines > 100 && lines <= views::PermutationLayer::kMaxLines,
                 qPrintable(QString::number(lines)));
        window_->transformPanel()->setCurrent(Transform::parse("SO3:axis=0,0,1;angle=10"));
        QCOMPARE(window_->exploration()->permutation()->lines(), int64_t(0));
        window_->transformPanel()->setCurrent(Transform::parse("SO3:axis=0,0,1;angle=0"));
    }

    void sweepFillsTheChart() {
        QSignalSpy done(window_->exploration(), &gui::Exploration::analysisDone);
        window_->exploration()->runSweep();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.front().front().toString(), QString("sweep"));
        QVERIFY(window_->charts()->seriesPoints(views::ChartsPanel::SweepChart) >= 73);
        QCOMPARE(window_->charts()->csv(views::ChartsPanel::SweepChart).size(), 74);
        QTemporaryDir dir;
        QVERIFY(window_->charts()->exportCsv(views::ChartsPanel::SweepChart,
                                             dir.filePath("sweep.csv")));
        QVERIFY(window_->charts()->exportPng(views::ChartsPanel::SweepChart,
                                             dir.filePath("sweep.png")));
        QVERIFY(!QImage(dir.filePath("sweep.png")).isNull());
    }

    void inspectorShowsBothPaths() {
        setTransformAndWait("SO3:axis=0,1,0;angle=45");
        window_->exploration()->inspect(10);
        auto* inspector = window_->inspector();
        QStringList labels;
        for (int r = 0; r < inspector->rowCount(); ++r) labels << inspector->item(r, 0)->text();
        for (const char* l : {"f(x)", "f(g·x)", "g·f(x)", "error"})
            QVERIFY2(labels.contains(QString::fromUtf8(l)), l);
    }

    void sessionSavesAndRestoresIdentically() {
        window_->exploration()->setFeatures({"normal"});
        applyAndWait("mlp", {{"output", "vector"}, {"hidden", "32"}, {"feature_dim", "3"}});
        window_->transformPanel()->setStack({Transform::parse("T3:tx=1;ty=2;tz=3")});
        setTransformAndWait("SO3:axis=0,0,1;angle=75");
        window_->colormapCombo()->setCurrentText("plasma");
        const gui::SessionState saved = window_->sessions()->current();
        QTemporaryDir dir;
        gui::saveSession(dir.filePath("s.json"), saved);

        MainWindow other;
        other.setProperty("batch", true);
        other.viewport()->setFixedSize(560, 420);
        other.show();
        QVERIFY(QTest::qWaitForWindowExposed(&other));
        QSignalSpy restored(other.sessions(), &gui::SessionController::restored);
        other.sessions()->restore(gui::loadSession(dir.filePath("s.json")));
        QVERIFY(restored.wait(60000));
        QVERIFY(other.sessions()->current() == saved);
        QCOMPARE(other.exploration()->modelName(), QString("mlp"));
        QCOMPARE(other.exploration()->features(), std::vector<std::string>{"normal"});
        QCOMPARE(other.transformPanel()->stack().size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(
            Error,
            gui::sessionFromJson(
                "{\"equiscope_session\": 1, \"transform\": {\"current\": {\"group\": \"SO9\"}}}",
                "x"));
        QVERIFY_THROWS_EXCEPTION(Error, gui::sessionFromJson("{not json", "bad.json"));
    }

    // "Explore this model": the trained PER model becomes the current model, on a task input.
    void trainedModelCanBeExplored() {
        auto c = equiscope::per::PerConfig::defaultsFor("cossim");
        c.variant = "so3";
        c.epochs = 30;
        window_->training()->setConfig(c);
        QSignalSpy finished(window_->training(), &gui::TrainingController::finished);
        window_->training()->start();
        QVERIFY(finished.wait(120000));
        QSignalSpy evaluated(window_->exploration(), &gui::Exploration::evaluated);
        Q_EMIT window_->training()->exploreRequested();
        QVERIFY(evaluated.wait(30000));
        QCOMPARE(window_->exploration()->modelName(), QString("per"));
        QCOMPARE(window_->dataset()->samples[0].nodeCount(), 3);
        QVERIFY(window_->exploration()->lastResult() != nullptr);
    }

    void commandLineBatchFigure() {
        QTemporaryDir dir;
        const QString out = dir.filePath("error.png");
        const test::CliRun r = test::runTool(
            "equiscope", {"demo", "--model", "mlp", "--model-option", "output=vector",
                          "--transform", "SO3:axis=0,0,1;angle=45", "--color-by",
                          "equivariance-error", "--screenshot", out, "--size", "400x300"});
        QCOMPARE(r.status, 0);
        QCOMPARE(QImage(out).size(), QSize(400, 300));
        QVERIFY(distinctSceneColours(QImage(out)) > 20);
        QCOMPARE(
            test::runTool("equiscope", {"demo", "--model", "nope", "--screenshot", out}).status, 2);
        QCOMPARE(
            test::runTool("equiscope", {"demo", "--transform", "SO3:spin=3", "--screenshot", out})
                .status,
            2);
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiExploration)
#include "test_gui_exploration.moc"
