// The Training dock: a short PER run fills the loss and lambda charts live and ends with
// the level table; Stop cancels a long run promptly.

#include "TestSupport.h"
#include "TrainingPanel.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableWidget>

using equiscope::gui::TrainingPanel;

class TestTrainingPanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void shortRunFillsChartsAndTable() {
        TrainingPanel panel;
        auto c = equiscope::per::PerConfig::defaultsFor("cossim");
        c.variant = "so3";
        c.epochs = 40;
        panel.setConfig(c);
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        panel.start();
        QVERIFY(panel.running());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.front().front().toBool(), true);
        QCOMPARE(panel.levelsTable()->rowCount(), 3);
        QCOMPARE(panel.levelsTable()->item(0, 0)->text(), QString("SO3*Scale"));
        QCOMPARE(panel.levelsTable()->item(0, 1)->text(), QString("0")); // the reference group
        QVERIFY(panel.plottedEpochs() >= 20);
        QVERIFY(panel.result() &&
                panel.result()->log.size() == static_cast<std::size_t>(panel.plottedEpochs()));
    }

    void stopCancelsPromptly() {
        TrainingPanel panel;
        auto c = equiscope::per::PerConfig::defaultsFor("inertia");
        c.epochs = 100000;
        panel.setConfig(c);
        QSignalSpy finished(&panel, &TrainingPanel::finished);
        panel.start();
        QTest::qWait(300);
        panel.stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(!panel.running());
    }
};

QTEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
