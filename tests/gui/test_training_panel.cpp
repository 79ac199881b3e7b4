// The Training tab (views::TrainingPanel fed by gui::TrainingController): a short PER run fills the
// loss and lambda charts live and ends with the level table showing the numbers `equiscope-cli
// train per` prints for the same inputs; Pause holds the run and Resume continues it; Stop cancels
// a long run promptly.

#include "TestSupport.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "models/Device.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>

using equiscope::gui::TrainingController;

namespace {

// The tab as the main window builds it: the widget and its controller.
struct TrainingTab {
    equiscope::views::TrainingPanel panel{TrainingController::taskNames(),
                                          TrainingController::modelKinds()};
    TrainingController training{&panel};
};

} // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void shortRunFillsChartsAndTable() {
        TrainingTab tab;
        auto& panel = tab.panel;
        auto& training = tab.training;
        auto c = equiscope::per::PerConfig::defaultsFor("cossim");
        c.variant = "so3";
        c.epochs = 40;
        training.setConfig(c);
        QSignalSpy finished(&training, &TrainingController::finished);
        training.start();
        QVERIFY(training.running());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.front().front().toBool(), true);
        QCOMPARE(panel.levelsTable()->rowCount(), 3);
        QCOMPARE(panel.levelsTable()->item(0, 0)->text(), QString("SO3*Scale"));
        QCOMPARE(panel.levelsTable()->item(0, 1)->text(), QString("0")); // the reference group
        QVERIFY(panel.plottedEpochs() >= 20);
        QVERIFY(training.result() &&
                training.result()->log.size() == static_cast<std::size_t>(panel.plottedEpochs()));
        // The level bars: one bar per group, the reference group's at 0, the largest at 1.
        const auto bars = panel.levelsChart()->chart()->series();
        QCOMPARE(bars.size(), 2);
        const QBarSet* levels = static_cast<QBarSeries*>(bars[0])->barSets().front();
        QCOMPARE(levels->count(), 3);
        QCOMPARE(levels->at(0), 0.0);
        QCOMPARE(std::max(levels->at(1), levels->at(2)), 1.0);
    }

    // Acceptance of issue 5: the GUI shows the same numbers the CLI printed.
    void tableShowsWhatTheCliPrints() {
        TrainingTab tab;
        auto& panel = tab.panel;
        auto& training = tab.training;
        auto c = equiscope::per::PerConfig::defaultsFor("inertia");
        c.setEpochs(60);
        c.seed = 7;
        training.setConfig(c);
        QSignalSpy finished(&training, &TrainingController::finished);
        training.start();
        QVERIFY(finished.wait(120000));
        const auto cli =
            equiscope::test::runTool("equiscope-cli", {"train", "per", "--task", "inertia",
                                                       "--epochs", "60", "--seed", "7", "--json"});
        QCOMPARE(cli.status, 0);
        const QJsonObject levels = cli.json()["levels"].toObject();
        const QJsonObject regularizer = cli.json()["regularizer"].toObject();
        const QJsonObject truth = cli.json()["true_equivariance_error"].toObject();
        QCOMPARE(panel.levelsTable()->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            const QString group = panel.levelsTable()->item(row, 0)->text();
            QVERIFY(levels.contains(group));
            QCOMPARE(panel.levelsTable()->item(row, 1)->text(),
                     QString::number(levels[group].toDouble(), 'g', 4));
            QCOMPARE(panel.levelsTable()->item(row, 3)->text(),
                     QString::number(regularizer[group].toDouble(), 'e', 3));
            QCOMPARE(panel.levelsTable()->item(row, 5)->text(),
                     QString::number(truth[group].toDouble(), 'e', 3));
        }
        QVERIFY(std::abs(training.result()->testMse - cli.json()["test_mse"].toDouble()) <
                1e-9 * training.result()->testMse);
    }

    void pauseHoldsAndResumeContinues() {
        TrainingTab tab;
        auto& panel = tab.panel;
        auto& training = tab.training;
        auto c = equiscope::per::PerConfig::defaultsFor("inertia");
        c.setEpochs(100000);
        training.setConfig(c);
        QSignalSpy finished(&training, &TrainingController::finished);
        training.start();
        QTRY_VERIFY_WITH_TIMEOUT(panel.plottedEpochs() >= 2, 20000);
        training.setPaused(true);
        QTest::qWait(300); // the epoch in flight finishes and is plotted
        const int held = panel.plottedEpochs();
        QTest::qWait(600);
        QCOMPARE(panel.plottedEpochs(), held);
        QVERIFY(training.paused());
        QVERIFY(panel.statusText().startsWith("Paused after epoch"));
        training.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(panel.plottedEpochs() > held + 2, 20000);
        training.stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), false);
    }

    // A run that cannot start says why instead of taking the application down.
    void failureIsReported() {
        if (equiscope::cudaAvailable()) QSKIP("needs a machine without CUDA");
        TrainingTab tab;
        auto& panel = tab.panel;
        auto& training = tab.training;
        auto c = equiscope::per::PerConfig::defaultsFor("cossim");
        c.device = "cuda";
        training.setConfig(c);
        QSignalSpy finished(&training, &TrainingController::finished);
        training.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(panel.statusText().startsWith("Training failed:"));
        QVERIFY(panel.statusText().contains("CUDA"));
    }

    void stopCancelsPromptly() {
        TrainingTab tab;
        auto& training = tab.training;
        auto c = equiscope::per::PerConfig::defaultsFor("inertia");
        c.epochs = 100000;
        training.setConfig(c);
        QSignalSpy finished(&training, &TrainingController::finished);
        training.start();
        QTest::qWait(300);
        training.stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(!training.running());
    }
};

QTEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
