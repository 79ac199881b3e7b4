// Issue 6's acceptance in the app, headless under Xvfb: a permutation check on a graph
// model (a MUTAG graph picked on the timeline) and an SO(2) check on a forecasting model (a
// frame of an NRI simulation), each against a model that must fail it; TimeShift on the
// same frame.

#include "EvaluationPanel.h"
#include "Exploration.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "ModelWorker.h"
#include "PermutationLayer.h"
#include "PointCloudLayer.h"
#include "ScriptedModels.h"
#include "TestSupport.h"
#include "TimelinePanel.h"
#include "TransformPanel.h"

#include <QTemporaryDir>
#include <algorithm>

using equiscope::gui::MainWindow;
using namespace equiscope;

namespace {

// Not permutation-equivariant: each node's output depends on its place in the list.
const char* kOrderSource = R"JIT(
def forward(self, pos, feat):
    return pos + 0.1 * torch.cumsum(pos, dim=1)
)JIT";

double largest(const std::vector<double>& v) {
    return v.empty() ? -1 : *std::max_element(v.begin(), v.end());
}

} // namespace

class TestGuiGraphsTrajectories : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    void applyAndWait(MainWindow& w, const QString& model) {
        QSignalSpy evaluated(w.exploration(), &gui::Exploration::evaluated);
        QCOMPARE(test::applyModelAndWait(w, model), QString());
        QVERIFY(!evaluated.isEmpty() || evaluated.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!w.exploration()->worker()->busy(), 60000);
    }
    // The largest per-node error the viewport colours by, after `transform`.
    double errorAfter(MainWindow& w, const std::string& transform) {
        QSignalSpy evaluated(w.exploration(), &gui::Exploration::evaluated);
        w.transformPanel()->setCurrent(Transform::parse(transform));
        if (!evaluated.wait(60000)) return -1;
        for (int waited = 0; w.exploration()->worker()->busy() && waited < 60000; waited += 20)
            QTest::qWait(20);
        const std::vector<double> e = w.layer()->shownValues();
        if (static_cast<int64_t>(e.size()) != w.sample()->nodeCount()) return -1;
        return largest(e);
    }

  private Q_SLOTS:
    void initTestCase() {
        if (!equiscope::test::hasGl()) QSKIP("needs an X server with GL (run under xvfb-run)");
    }

    void permutationCheckOnAGraphModel() {
        auto w =
            test::openWindow(QStringLiteral(EQUISCOPE_REAL_DATA "/graphs/MUTAG"), QSize(480, 360));
        QVERIFY(w);
        w->timeline()->setSample(5);
        QCOMPARE(w->timeline()->sample(), 5);
        const int64_t nodes = w->sample()->nodeCount();
        QVERIFY(nodes > 10 && w->sample()->edgeCount() > 10);
        applyAndWait(*w, "spen");
        const double spen = errorAfter(*w, "Perm:shuffle=3");
        QVERIFY2(spen >= 0 && spen < 1e-4, qPrintable(QString::number(spen)));
        QVERIFY(w->exploration()->permutation()->lines() > 0); // which node went where
        QVERIFY(w->evaluationPanel()->text().contains("mean error"));

        const QString order = dir_.filePath("order.pt");
        test::saveScripted(order.toStdString(), kOrderSource, test::specJson("position", ""));
        applyAndWait(*w, order);
        const double ordered = errorAfter(*w, "Perm:shuffle=3");
        QVERIFY2(ordered > 1e-2, qPrintable(QString::number(ordered)));
    }

    void so2AndTimeShiftChecksOnAForecaster() {
        auto w = test::openWindow(
            QStringLiteral(EQUISCOPE_REAL_DATA "/trajectories/nri_springs5_valid_loc.npy"),
            QSize(480, 360));
        QVERIFY(w);
        w->timeline()->setSample(2);
        w->timeline()->setFrame(30);
        QCOMPARE(w->timeline()->frame(), 30);
        QCOMPARE(w->sample()->find("time")->values.front(), 30.0); // the frame's clock
        applyAndWait(*w, "subequivariant");
        const double about = errorAfter(*w, "SO2(z):angle=70");
        QVERIFY2(about >= 0 && about < 1e-4, qPrintable(QString::number(about)));
        const double tilt = errorAfter(*w, "SO3:axis=1,0,0;angle=40");
        QVERIFY2(tilt > 1e-3, qPrintable(QString::number(tilt)));
        const double shifted = errorAfter(*w, "TimeShift:shift=12");
        QVERIFY2(shifted >= 0 && shifted < 1e-6, qPrintable(QString::number(shifted)));

        // A model fed the clock breaks TimeShift in the app as in the CLI.
        const QString clock = dir_.filePath("clock.pt");
        test::saveScripted(clock.toStdString(), test::kClockSource, test::specJson("position", ""));
        w->exploration()->setFeatures({"time"});
        applyAndWait(*w, clock);
        const double clocked = errorAfter(*w, "TimeShift:shift=12");
        QVERIFY2(clocked > 1e-2, qPrintable(QString::number(clocked)));
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiGraphsTrajectories)
#include "test_gui_graphs_trajectories.moc"
