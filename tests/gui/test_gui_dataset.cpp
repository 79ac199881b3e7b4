// The Dataset dock (issue 18), headless under Xvfb: a scan's results file listed worst first
// with its decade histogram (counts against a direct count of the rows written), a click
// on the worst frame of 3BPA opens that frame with the scan's model and the element of its
// max error in the Transform dock, a folder scan's unit opens its file, and a file that is
// not a scan's results is refused with the reason.

#include "DatasetExplorer.h"
#include "DatasetPanel.h"
#include "ErrorStrip.h"
#include "GuiTestSupport.h"
#include "SessionController.h"
#include "TestSupport.h"
#include "TimelinePanel.h"
#include "TransformPanel.h"
#include "scan/ScanRecord.h"

#include <QChartView>
#include <QDockWidget>
#include <QTableWidget>
#include <cmath>
#include <fstream>
#include <map>

using namespace equiscope;

namespace {

const QString k3bpa = QStringLiteral(EQUISCOPE_REAL_DATA "/trajectories/3bpa_train_300K.xyz");
constexpr int64_t kWorst = 317;

ScanSettings settingsFor(const std::string& data, int64_t units) {
    ScanSettings s;
    s.model = "egnn";
    s.data = data;
    s.groups = {"SO3"};
    s.samples = 4;
    s.dtype = "float32";
    s.device = "cpu";
    s.units = units;
    return s;
}

// 500 frames: errors spread over two decades, one failed frame, and frame 317 broken, its
// max error given by a 40 degree turn about z.
std::vector<ScanRow> trajectoryRows() {
    std::vector<ScanRow> rows;
    for (int64_t u = 0; u < 500; ++u) {
        ScanRow r;
        r.unit = u;
        r.name = "frame " + std::to_string(u);
        r.group = "SO3";
        r.nodes = 27;
        r.meanError = (u % 3 == 0 ? 2e-8 : 3e-7) * (1 + u % 5);
        r.maxError = 3 * r.meanError;
        r.element = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
        rows.push_back(r);
    }
    rows[5].ok = false;
    rows[5].error = "frame 5: shape mismatch";
    ScanRow& worst = rows[kWorst];
    worst.meanError = 0.03;
    worst.maxError = 0.09;
    worst.maxElement = 2;
    const double c = std::cos(40 * M_PI / 180), s = std::sin(40 * M_PI / 180);
    worst.element = {c, -s, 0, s, c, 0, 0, 0, 1, 0, 0, 0, 0};
    return rows;
}

// Pixels far from grey in `image`: the histogram's coloured bars.
int colouredPixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += image.pixelColor(x, y).saturation() > 80;
    return count;
}

} // namespace

class TestGuiDataset : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void worstFrameOpensWithItsElement() {
        if (!test::hasGl()) QSKIP("needs GL (run under xvfb-run)");
        const QString results = dir_.filePath("3bpa.csv");
        const std::vector<ScanRow> rows = trajectoryRows();
        writeScanFile(results.toStdString(), settingsFor(k3bpa.toStdString(), 500), rows);
        auto window = test::openWindow("demo", QSize(640, 480));
        QVERIFY(window);
        QVERIFY(window->openScanResults(results));
        QVERIFY(window->datasetDock()->isVisible());

        views::DatasetPanel* panel = window->datasetPanel();
        QCOMPARE(panel->table()->rowCount(), 500);
        QCOMPARE(panel->unitAtRow(0), kWorst); // worst first
        QVERIFY(panel->table()
                    ->item(panel->table()->row(panel->table()->findItems("frame 5: shape mismatch",
                                                                         Qt::MatchExactly)[0]),
                           1)
                    ->text() == "frame 5");
        // The histogram against a direct count by decade of the rows that succeeded.
        std::map<int, int64_t> expected;
        for (const ScanRow& r : rows)
            if (r.ok) ++expected[static_cast<int>(std::floor(std::log10(r.meanError)))];
        const auto counts = panel->histogramCounts();
        QCOMPARE(counts.size(), std::size_t(1));
        std::vector<int64_t> direct;
        for (int d = expected.begin()->first; d <= expected.rbegin()->first; ++d)
            direct.push_back(expected.count(d) ? expected[d] : 0);
        QCOMPARE(counts.front(), direct);
        QVERIFY(colouredPixels(panel->histogram()->grab().toImage()) > 200);

        QSignalSpy shown(window->datasets(), &gui::DatasetExplorer::unitShown);
        const QRect cell = panel->table()->visualItemRect(panel->table()->item(0, 1));
        QTest::mouseClick(panel->table()->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(shown.wait(60000));
        QCOMPARE(shown.front().at(0).toLongLong(), kWorst);
        QCOMPARE(window->sessions()->current().data, k3bpa);
        QCOMPARE(window->timeline()->frame(), static_cast<int>(kWorst));
        QCOMPARE(window->transformPanel()->current().group, std::string("SO3"));
        const Eigen::Matrix3d turned = window->transformPanel()->element().linear;
        Eigen::Matrix3d expectedTurn;
        const double c = std::cos(40 * M_PI / 180), s = std::sin(40 * M_PI / 180);
        expectedTurn << c, -s, 0, s, c, 0, 0, 0, 1;
        QVERIFY2((turned - expectedTurn).norm() < 1e-6, "the element of the max error");
        QElapsedTimer clock;
        clock.start();
        while (window->sessions()->current().model != "egnn" && clock.elapsed() < 60000)
            QTest::qWait(20);
        QCOMPARE(window->sessions()->current().model, QString("egnn"));
        // The strip under the timeline: the scan's error of every frame, the broken one apart.
        const views::ErrorStrip* strip = window->timeline()->errorStrip();
        QVERIFY(strip->isVisible());
        QCOMPARE(strip->values().size(), std::size_t(500));
        QCOMPARE(strip->values()[kWorst], 0.03);
        QVERIFY(std::isnan(strip->values()[5])); // the failed frame: grey
        QVERIFY(strip->colorOf(kWorst) != strip->colorOf(0));
        QCOMPARE(strip->colorOf(5), QColor(150, 150, 150));
    }

    // "Scan open data": every MUTAG graph with SPEN under Perm, rows as they arrive, all
    // exact; saved, the file reads back with every row.
    void scanFromTheApp() {
        if (!test::hasGl()) QSKIP("needs GL (run under xvfb-run)");
        auto window =
            test::openWindow(QStringLiteral(EQUISCOPE_REAL_DATA "/graphs/MUTAG"), QSize(480, 360));
        QVERIFY(window);
        QCOMPARE(test::applyModelAndWait(*window, "spen"), QString());
        window->transformPanel()->setCurrent(Transform::identity("Perm"));
        window->datasetDock()->show();
        QSignalSpy finished(window->datasets(), &gui::DatasetExplorer::scanFinished);
        QVERIFY(window->datasets()->runScan());
        QVERIFY(!window->datasets()->runScan()); // one at a time
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.front().at(0).toString().startsWith("done"),
                 qPrintable(finished.front().at(0).toString()));
        const ScanFile& results = window->datasetPanel()->results();
        QCOMPARE(results.rows.size(), std::size_t(188));
        QCOMPARE(window->datasetPanel()->table()->rowCount(), 188);
        for (const ScanRow& r : results.rows) QVERIFY2(r.ok && r.meanError < 1e-5, r.name.c_str());
        const QString saved = dir_.filePath("from-app.csv");
        QVERIFY(window->datasets()->saveResults(saved));
        const ScanFile back = readScanFile(saved.toStdString());
        QCOMPARE(back.rows.size(), std::size_t(188));
        QCOMPARE(back.rows.front().unit, int64_t(0));
        QCOMPARE(back.settings.model, std::string("spen"));
    }

    // Stop keeps the units done: fewer than all, more than none.
    void stopKeepsWhatWasScanned() {
        if (!test::hasGl()) QSKIP("needs GL (run under xvfb-run)");
        auto window = test::openWindow(k3bpa, QSize(480, 360));
        QVERIFY(window);
        QCOMPARE(test::applyModelAndWait(*window, "egnn"), QString());
        window->transformPanel()->setCurrent(Transform::identity("SO3"));
        QSignalSpy finished(window->datasets(), &gui::DatasetExplorer::scanFinished);
        QVERIFY(window->datasets()->runScan());
        QElapsedTimer clock;
        clock.start();
        while (window->datasetPanel()->results().rows.size() < 3 && clock.elapsed() < 60000)
            QTest::qWait(5);
        window->datasets()->stopScan();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.front().at(0).toString().startsWith("stopped"),
                 qPrintable(finished.front().at(0).toString()));
        const std::size_t kept = window->datasetPanel()->results().rows.size();
        QVERIFY2(kept >= 3 && kept < 500, qPrintable(QString::number(kept)));
        QCOMPARE(window->datasetPanel()->table()->rowCount(), static_cast<int>(kept));
    }

    void folderUnitOpensItsFile() {
        if (!test::hasGl()) QSKIP("needs GL (run under xvfb-run)");
        QTemporaryDir folder;
        for (const char* name : {"a.xyz", "b.xyz"})
            std::ofstream(folder.filePath(name).toStdString())
                << "3\nmade by the test\nC 0 0 0\nC 1 0 0\nC 0 1 0\n";
        std::vector<ScanRow> rows(2);
        for (int u = 0; u < 2; ++u) {
            rows[u].unit = u;
            rows[u].name = u == 0 ? "a.xyz" : "b.xyz";
            rows[u].group = "SO3";
            rows[u].meanError = u == 0 ? 1e-7 : 1e-2;
            rows[u].element = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
        }
        const QString results = dir_.filePath("folder.jsonl");
        writeScanFile(results.toStdString(), settingsFor(folder.path().toStdString(), 2), rows);
        auto window = test::openWindow("demo", QSize(640, 480));
        QVERIFY(window && window->openScanResults(results));
        QSignalSpy shown(window->datasets(), &gui::DatasetExplorer::unitShown);
        window->datasets()->openWorst();
        QVERIFY(shown.wait(60000));
        QCOMPARE(window->sessions()->current().data, folder.filePath("b.xyz"));
    }

    void notScanResultsIsRefused() {
        if (!test::hasGl()) QSKIP("needs GL (run under xvfb-run)");
        const QString bad = dir_.filePath("bad.csv");
        std::ofstream(bad.toStdString()) << "unit,name\n0,x\n";
        auto window = test::openWindow("demo", QSize(320, 240));
        QVERIFY(window);
        QVERIFY(!window->openScanResults(bad));
        QVERIFY(!window->datasetDock()->isVisible());
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiDataset)
#include "test_gui_dataset.moc"
