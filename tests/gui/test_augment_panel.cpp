// The Training tab's augment method (views::AugmentPanel fed by gui::AugmentController,
// issue 16 item 4): a short run draws gamma per family, the losses against epsilon and the
// sampled transformations' histogram live, and ends with the level bars showing the dual
// variables the run returned; bad families are refused with a reason; Stop cancels.

#include "AugmentController.h"
#include "AugmentPanel.h"
#include "TestSupport.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>

using equiscope::gui::AugmentController;

namespace {

struct AugmentTab {
    equiscope::views::AugmentPanel panel{AugmentController::modelKinds()};
    AugmentController training{&panel};
};

QBarSet* firstBarSet(QChartView* view, int set = 0) {
    const auto series = view->chart()->series();
    if (series.isEmpty()) return nullptr;
    auto* bars = qobject_cast<QBarSeries*>(series.front());
    return bars && bars->count() > set ? bars->barSets()[set] : nullptr;
}

} // namespace

class TestAugmentPanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void shortRunFillsEveryChart() {
        AugmentTab tab;
        auto c = tab.training.config();
        c.families = {"rot", "reflect"};
        c.epochs = 2;
        c.dualStart = 1;
        c.classes = {8, 9}; // the helix pair, 64 points: a run of seconds
        c.points = 64;
        tab.training.setConfig(c);
        QSignalSpy finished(&tab.training, &AugmentController::finished);
        tab.training.start();
        QVERIFY(tab.training.running());
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.front().front().toBool(), true);
        QCOMPARE(tab.panel.plottedEpochs(), 2);
        // gamma: one line per family, a point per epoch, ending on the run's dual variables.
        const auto gamma = tab.panel.gammaChart()->chart()->series();
        QCOMPARE(gamma.size(), 2);
        const auto& levels = tab.training.result()->levels;
        QCOMPARE(static_cast<QLineSeries*>(gamma[0])->count(), 2);
        QCOMPARE(static_cast<QLineSeries*>(gamma[1])->at(1).y(), levels.at("reflect"));
        // losses: clean, one per family, and the epsilon line.
        QCOMPARE(tab.panel.lossChart()->chart()->series().size(), 4);
        // The histogram: per family, shares of its samples over the bins, summing to 1.
        for (int family = 0; family < 2; ++family) {
            const QBarSet* shares = firstBarSet(tab.panel.histogramChart(), family);
            QVERIFY(shares);
            QCOMPARE(shares->count(), equiscope::augment::kHistogramBins);
            QVERIFY(std::abs(shares->sum() - 1.0) < 1e-9);
        }
        const QString legend = firstBarSet(tab.panel.histogramChart())->label();
        QVERIFY2(legend.startsWith(QString::fromUtf8("rot 0–180°, acc. ")), qPrintable(legend));
        // The level bars: gamma / max gamma, the largest at 1; the raw values on the right.
        const QBarSet* bars = firstBarSet(tab.panel.levelsChart());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        const double top = std::max(levels.at("rot"), levels.at("reflect"));
        QVERIFY(top > 0);
        QCOMPARE(bars->at(1), levels.at("reflect") / top);
        const auto* raw =
            qobject_cast<QScatterSeries*>(tab.panel.levelsChart()->chart()->series().at(1));
        QVERIFY(raw);
        QCOMPARE(raw->at(0).y(), levels.at("rot"));
        QVERIFY(tab.panel.statusText().startsWith("Done"));
    }

    void badFamiliesAreRefusedWithTheReason() {
        AugmentTab tab;
        auto s = tab.panel.settings();
        s.families = "rot,shear";
        tab.panel.setSettings(s);
        tab.training.start();
        QVERIFY(!tab.training.running());
        QVERIFY(tab.panel.statusText().contains("shear"));
    }

    void stopCancelsPromptly() {
        AugmentTab tab;
        auto c = tab.training.config();
        c.epochs = 100000;
        c.points = 64;
        tab.training.setConfig(c);
        QSignalSpy finished(&tab.training, &AugmentController::finished);
        tab.training.start();
        QTest::qWait(300);
        tab.training.stop();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(!tab.training.running());
    }
};

QTEST_MAIN(TestAugmentPanel)
#include "test_augment_panel.moc"
