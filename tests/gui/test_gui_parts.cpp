// Issue 7 in the app, headless under Xvfb: a generated multi-object scene, a briefly
// trained APEN applied, its partitions on the Parts dock's slider coloured with a legend,
// one part dragged away alone (the others stay), the piecewise error appearing where the
// uncertainty is high, and the scatter with its rank correlation.

#include "BuiltinModels.h"
#include "Exploration.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ModelWorker.h"
#include "PartsExplorer.h"
#include "PartsPanel.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "TestSupport.h"
#include "TransformPanel.h"
#include "apen/ApenModel.h"
#include "apen/ApenTraining.h"

#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QTemporaryDir>
#include <numeric>
#include <set>

using equiscope::gui::MainWindow;
using namespace equiscope;

class TestGuiParts : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> window_;
    QTemporaryDir dir_;

    bool waitUpdated() {
        QSignalSpy updated(window_->parts(), &gui::PartsExplorer::updated);
        return updated.wait(60000);
    }
    void show(const QString& quantity) {
        window_->colorCombo()->setCurrentText(quantity); // the one control that picks
        QCOMPARE(window_->layer()->quantities()->shown(), quantity);
    }
    std::set<int64_t> shownCodes() const {
        std::set<int64_t> codes;
        for (double v : window_->layer()->shownValues()) codes.insert(static_cast<int64_t>(v));
        return codes;
    }

  private Q_SLOTS:
    void initTestCase() {
        if (!test::hasGl()) QSKIP("needs an X server with GL (run under xvfb-run)");
        window_ = test::openWindow(QStringLiteral("parts:3"), QSize(520, 400));
        QVERIFY(window_);
        QCOMPARE(window_->sample()->nodeCount(), int64_t(1024));
        // A short training, as `train apen --out` does, then its weights applied from the
        // Model dock's "weights" entry.
        const auto model = builtinModels().create("apen");
        apen::ApenTrainConfig c;
        c.scenes = 8;
        c.heldOut = 2;
        c.epochs = 4;
        apen::trainApen(c, {}, dynamic_cast<apen::ApenModel*>(model.get()));
        const QString weights = dir_.filePath("model.pt");
        model->save(weights.toStdString());
        QSignalSpy updated(window_->parts(), &gui::PartsExplorer::updated);
        const QString error =
            test::applyModelAndWait(*window_, "apen", {{"weights", "/nonexistent/model.pt"}});
        QVERIFY2(error.contains("/nonexistent/model.pt"), qPrintable(error)); // a clear error
        QVERIFY(!window_->exploration()->model()); // the previous (no) model kept
        QCOMPARE(test::applyModelAndWait(*window_, "apen", {{"weights", weights.toStdString()}}),
                 QString());
        QVERIFY(updated.wait(60000));
    }

    void partitionsOnTheSlider() {
        const apen::PartitionView* view = window_->parts()->view();
        QVERIFY(view);
        QCOMPARE(view->names.size(), std::size_t(5)); // cells, layers 2-4, final
        views::PartsPanel* panel = window_->partsPanel();
        QCOMPARE(panel->partition(), 4);
        QVERIFY(panel->partitionLabel().startsWith("final ("));
        QVERIFY(panel->partitionLabel().contains("true parts")); // refines them, or how much not
        show("predicted part");
        QVERIFY(window_->layer()->legendVisible());
        QCOMPARE(static_cast<int64_t>(shownCodes().size()), view->parts.back());
        QCOMPARE(window_->layer()->legendAnnotation(0), std::string("part 0"));
        panel->setPartition(0); // the initial cells: many more parts
        QCOMPARE(static_cast<int64_t>(shownCodes().size()), view->parts.front());
        QVERIFY(view->parts.front() > 3 * view->parts.back());
        show("true part");
        QCOMPARE(shownCodes().size(), std::size_t(4));
        QCOMPARE(window_->layer()->legendAnnotation(1), std::string("object 1"));
        show("uncertainty");
        QCOMPARE(window_->layer()->shownValues(), view->doubt.front());
        panel->setPartition(4);
    }

    // Drag true part 0 away: only its nodes move; the error lands where the model is unsure.
    void draggedPartShowsErrorWhereUncertain() {
        views::PartsPanel* panel = window_->partsPanel();
        const Partition& parts = window_->parts()->movableParts();
        QCOMPARE(parts.parts, int64_t(4));
        const int64_t inside =
            std::find(parts.labels.begin(), parts.labels.end(), 0) - parts.labels.begin();
        const int64_t outside =
            std::find(parts.labels.begin(), parts.labels.end(), 1) - parts.labels.begin();
        const auto before = window_->layer()->drawnPosition(outside);
        const auto insideBefore = window_->layer()->drawnPosition(inside);
        show("part"); // the data's own labels: a move then shows the piecewise error
        panel->setMoving(true);
        QSignalSpy updated(window_->parts(), &gui::PartsExplorer::updated);
        window_->transformPanel()->setCurrent(Transform::parse("T3:tx=4;ty=0;tz=0"));
        QVERIFY(updated.wait(60000));
        QCOMPARE(window_->layer()->drawnPosition(outside), before);
        QVERIFY(std::abs(window_->layer()->drawnPosition(inside)[0] - insideBefore[0] - 4) < 1e-4);
        const auto& error = window_->parts()->pieceError();
        const auto& doubt = window_->parts()->view()->nodeUncertainty;
        QCOMPARE(static_cast<int64_t>(error.size()), window_->sample()->nodeCount());
        QCOMPARE(window_->layer()->quantities()->shown(), QString("piecewise error"));
        QCOMPARE(window_->layer()->shownValues(), error);
        QCOMPARE(panel->scatterPoints(), 1024);
        QVERIFY(panel->spearmanText().contains(
            QString::number(window_->parts()->spearmanRho(), 'f', 3)));
        // Mean error of the most uncertain tenth against the most certain half.
        std::vector<std::size_t> order(error.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return doubt[a] < doubt[b]; });
        double low = 0, high = 0;
        for (std::size_t i = 0; i < order.size() / 2; ++i)
            low += error[order[i]] / (order.size() / 2);
        for (std::size_t i = order.size() * 9 / 10; i < order.size(); ++i)
            high += error[order[i]] / (order.size() - order.size() * 9 / 10);
        qInfo("drag of part 0 by 4: Spearman %.3f, mean error most uncertain tenth %.3g, most "
              "certain half %.3g",
              window_->parts()->spearmanRho(), high, low);
        QVERIFY(high > low);
        panel->setMoving(false); // the whole scene follows the transform again
        QVERIFY(std::abs(window_->layer()->drawnPosition(outside)[0] - before[0] - 4) < 1e-4);
        window_->transformPanel()->setCurrent(Transform::identity("T3"));
    }

    void randomPerPartCheckFillsTheScatter() {
        views::PartsPanel* panel = window_->partsPanel();
        panel->setScatter({}, {}, 0);
        QCOMPARE(panel->scatterPoints(), 0);
        QSignalSpy updated(window_->parts(), &gui::PartsExplorer::updated);
        Q_EMIT panel->checkRequested();
        QVERIFY(updated.wait(60000));
        QCOMPARE(panel->scatterPoints(), 1024);
        QVERIFY(panel->spearmanText().contains("Spearman"));
        // The CLI prints the same mean for the same model, data and elements.
        const auto& error = window_->parts()->pieceError();
        const double mean = std::accumulate(error.begin(), error.end(), 0.0) / error.size();
        const auto cli = test::runTool(
            "equiscope-cli",
            {"check", "--model", "apen", "--load", dir_.filePath("model.pt"), "--data", "parts:3",
             "--group", "PiecewiseE3", "--parts", "gt", "--samples", "4", "--json"});
        QCOMPARE(cli.status, 0);
        const double cliMean = cli.json()["results"][0]["mean_error"].toDouble();
        QVERIFY2(std::abs(cliMean - mean) <= 1e-9 * std::max(1.0, mean),
                 qPrintable(QString("CLI %1, app %2").arg(cliMean).arg(mean)));
        QVERIFY(panel->spearmanText().contains(QString::number(mean, 'g', 6)));
        // The same as a batch figure: --analysis parts runs the check before the shot.
        const QString png = dir_.filePath("parts.png");
        const auto shot =
            test::runTool("equiscope", {"parts:3", "--model", "apen", "--model-option",
                                        "weights=" + dir_.filePath("model.pt"), "--analysis",
                                        "parts", "--screenshot", png, "--size", "320x240"});
        QCOMPARE(shot.status, 0);
        QCOMPARE(QImage(png).size(), QSize(320, 240));
        // The parts' quantities sit in the one colour list beside the data's fields.
        const QStringList listed = window_->layer()->quantities()->names();
        for (const char* q : {"part", "predicted part", "true part", "uncertainty",
                              "piecewise error", "equivariance error"})
            QVERIFY2(listed.contains(q), q);
        QComboBox* main = window_->colorCombo();
        QCOMPARE(main->count(), listed.size());
        show("part");
        QCOMPARE(window_->layer()->quantities()->current()->owner, QString("data"));
    }

    void fileMenuOpensAScene() {
        QAction* open = nullptr;
        for (QAction* a : window_->findChildren<QAction*>())
            if (a->text().remove('&') == "Open Multi-part Scene") open = a;
        QVERIFY(open);
        QSignalSpy shown(window_.get(), &MainWindow::datasetShown);
        open->trigger();
        QVERIFY(shown.wait(30000));
        QCOMPARE(window_->sample()->parts.size(), std::size_t(1024));
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiParts)
#include "test_gui_parts.moc"
