// The main window on the demo scene, rendered headless under Xvfb: points are visible,
// the legend is drawn with its colours, picking selects the node under the cursor, the
// colour choice changes pixels, the data panel shows the counts, and the command-line
// screenshot writes a PNG with the points in it.

#include "DataPanel.h"
#include "GuiTestSupport.h"
#include "InspectorPanel.h"
#include "MainWindow.h"
#include "PointCloudLayer.h"
#include "TestSupport.h"
#include "TimelinePanel.h"
#include "TrailLayer.h"
#include "VtkViewport.h"
#include "io/LoadDataset.h"
#include "scene/DisplaySample.h"

#include <QComboBox>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <set>
#include <vtkCamera.h>
#include <vtkCoordinate.h>
#include <vtkRenderer.h>

using equiscope::gui::MainWindow;
using namespace equiscope;

namespace {

// Pixels that differ clearly from the gradient background (greyish, r ~ g ~ b, dark).
bool isForeground(QRgb c) {
    const int r = qRed(c), g = qGreen(c), b = qBlue(c);
    const int spread = std::max({r, g, b}) - std::min({r, g, b});
    return spread > 40 || std::max({r, g, b}) > 120;
}

int foregroundPixels(const QImage& image, QRect area) {
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) count += isForeground(image.pixel(x, y));
    return count;
}

int distinctColours(const QImage& image, QRect area) {
    std::set<QRgb> colours;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (isForeground(image.pixel(x, y))) colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

class TestGuiViewport : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> window_;

    QImage frame() {
        return window_->viewport()->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    }
    QRect sceneArea(const QImage& im) { return QRect(0, 0, im.width() * 80 / 100, im.height()); }
    QRect legendArea(const QImage& im) {
        return QRect(im.width() * 86 / 100, 0, im.width() * 14 / 100, im.height());
    }

  private Q_SLOTS:
    void initTestCase() {
        if (!equiscope::test::hasGl()) QSKIP("needs an X server with GL (run under xvfb-run)");
        window_ = equiscope::test::openWindow("demo", QSize(640, 480));
        QVERIFY(window_);
    }

    void pointsAndLegendAreDrawn() {
        const QImage im = frame();
        QCOMPARE(im.size(), QSize(640, 480) * window_->viewport()->devicePixelRatioF());
        const int points = foregroundPixels(im, sceneArea(im));
        QVERIFY2(points > 8000, qPrintable(QString("only %1 point pixels").arg(points)));
        QVERIFY(window_->layer()->legendVisible());
        // The viridis bar: many colours in the right-hand strip.
        const int legendColours = distinctColours(im, legendArea(im));
        QVERIFY2(legendColours > 60,
                 qPrintable(QString("legend has %1 colours").arg(legendColours)));
        QVERIFY(window_->viewport()->renderedFrames() >= 1);
    }

    void dataPanelShowsCounts() {
        QCOMPARE(window_->dataPanel()->valueOf("Nodes"), QString("16000"));
        QCOMPARE(window_->dataPanel()->valueOf("Kind"), QString("points"));
        QCOMPARE(window_->dataPanel()->valueOf("Fields"), QString("5"));
    }

    void colourChoiceChangesPixels() {
        const QImage before = frame();
        QComboBox* combo = window_->colorCombo();
        const int solid = combo->findText("solid");
        QVERIFY(solid >= 0);
        combo->setCurrentIndex(solid);
        const QImage after = frame();
        QVERIFY(!window_->layer()->legendVisible());
        QVERIFY(distinctColours(after, legendArea(after)) < 5);
        QVERIFY(before != after);
        combo->setCurrentIndex(combo->findText("part"));
        QVERIFY(window_->layer()->legendVisible());
        // Seven parts: seven categorical colours dominate the scene.
        const QImage parts = frame();
        QVERIFY(distinctColours(parts, sceneArea(parts)) >= 7);
        combo->setCurrentIndex(0);
    }

    // Project a known node to the screen, click there, and expect that node (or one
    // at the same spot) in the inspector, highlighted.
    void pickingSelectsTheNodeUnderTheCursor() {
        const equiscope::Sample& s = window_->dataset()->samples.front();
        vtkRenderer* renderer = window_->viewport()->renderer();
        const equiscope::Field& pos = s.positions();
        // Pick the node closest to the camera among the sphere's points, so nothing hides it.
        vtkCamera* cam = renderer->GetActiveCamera();
        double eye[3];
        cam->GetPosition(eye);
        int64_t target = 0;
        double best = 1e300;
        for (int64_t r = 0; r < 4000; ++r) {
            const double d =
                std::hypot(pos.at(r, 0) - eye[0], pos.at(r, 1) - eye[1], pos.at(r, 2) - eye[2]);
            if (d < best) best = d, target = r;
        }
        vtkNew<vtkCoordinate> c;
        c->SetCoordinateSystemToWorld();
        c->SetValue(pos.at(target, 0), pos.at(target, 1), pos.at(target, 2));
        const double* display = c->GetComputedDoubleDisplayValue(renderer);
        const double dpr = window_->viewport()->devicePixelRatioF();
        const QPointF widget(display[0] / dpr,
                             window_->viewport()->height() - 1 - display[1] / dpr);
        window_->pickAt(widget);
        const int64_t picked = window_->inspector()->node();
        QVERIFY(picked >= 0);
        const double dist =
            std::hypot(pos.at(picked, 0) - pos.at(target, 0), pos.at(picked, 1) - pos.at(target, 1),
                       pos.at(picked, 2) - pos.at(target, 2));
        QVERIFY2(dist < 0.1,
                 qPrintable(
                     QString("picked %1, wanted %2 (%3 apart)").arg(picked).arg(target).arg(dist)));
        QCOMPARE(window_->layer()->picked(), picked);
        QCOMPARE(window_->inspector()->item(0, 1)->text(), QString::number(picked));
        // Clicking empty space clears the pick.
        window_->pickAt(QPointF(5, 5));
        QCOMPARE(window_->inspector()->node(), -1);
    }

    void cameraDragRotatesTheView() {
        vtkCamera* cam = window_->viewport()->renderer()->GetActiveCamera();
        double before[3];
        cam->GetPosition(before);
        QTest::mousePress(window_->viewport(), Qt::LeftButton, {}, QPoint(300, 240));
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(window_->viewport(), QPoint(300 + 20 * i, 240));
        QTest::mouseRelease(window_->viewport(), Qt::LeftButton, {}, QPoint(400, 240));
        double after[3];
        cam->GetPosition(after);
        QVERIFY(std::hypot(after[0] - before[0], after[1] - before[1], after[2] - before[2]) > 0.1);
        window_->viewport()->resetCamera();
    }

    void loadErrorIsReported() {
        QSignalSpy failed(window_.get(), &MainWindow::loadFailed);
        window_->open("/nonexistent/file.ply");
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.front().front().toString().contains("cannot open"));
        QCOMPARE(window_->dataPanel()->valueOf("Nodes"), QString("16000")); // the old data stays
    }

    // Trajectories and graphs open too: a BVH shows its first frame's joints and a timeline
    // that scrubs and plays; a TU dataset shows one graph (laid out, having no coordinates)
    // and a picker over its graphs.
    void trajectoriesAndGraphsOpen() {
        const QString realData = QStringLiteral(EQUISCOPE_REAL_DATA);
        auto open = [&](const QString& file) {
            QSignalSpy shown(window_.get(), &MainWindow::datasetShown);
            window_->open(file);
            return shown.wait(20000);
        };
        QVERIFY(open(realData + "/trajectories/cmu_mocap_01_01.bvh"));
        QCOMPARE(window_->sample()->nodeCount(), int64_t(38));
        QCOMPARE(window_->layer()->drawnEdges(), int64_t(37)); // the bones
        QCOMPARE(window_->sample()->frameCount(), int64_t(1));
        QVERIFY(foregroundPixels(frame(), sceneArea(frame())) > 40);
        views::TimelinePanel* timeline = window_->timeline();
        QVERIFY(timeline->isVisible());
        const double rootAtZero = window_->sample()->positions().values[0];
        timeline->setFrame(2000);
        const Dataset bvh =
            loadDataset((realData + "/trajectories/cmu_mocap_01_01.bvh").toStdString());
        QCOMPARE(window_->sample()->positions().values,
                 displaySample(bvh.samples.front(), 2000).positions().values);
        QVERIFY(window_->sample()->positions().values[0] != rootAtZero); // the figure walked
        QCOMPARE(window_->trails()->trailCount(), int64_t(38)); // one fading trail per joint
        timeline->setFrame(0);
        timeline->play();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->frame() > 30, 5000);
        timeline->pause();
        const int held = timeline->frame();
        QTest::qWait(200);
        QCOMPARE(timeline->frame(), held);

        QVERIFY(open(realData + "/graphs/MUTAG"));
        QCOMPARE(window_->trails()->trailCount(), int64_t(0)); // static graphs have none
        QCOMPARE(window_->dataPanel()->valueOf("Kind"), QString("graph"));
        QCOMPARE(window_->sample()->metadata.count("layout"), std::size_t(1));
        QVERIFY(foregroundPixels(frame(), sceneArea(frame())) > 10);
        const Dataset mutag = loadDataset((realData + "/graphs/MUTAG").toStdString());
        timeline->setSample(7);
        QCOMPARE(window_->sample()->nodeCount(), mutag.samples[7].nodeCount());
        QCOMPARE(window_->sample()->edgeIndex, mutag.samples[7].edgeIndex);
        QCOMPARE(window_->layer()->drawnEdges(), mutag.samples[7].edgeCount());
        // Node labels as categorical colours: the legend names the labels, not the codes.
        QVERIFY(open(realData + "/graphs/igraph_test.graphml"));
        window_->colorCombo()->setCurrentText("color");
        QVERIFY(window_->layer()->legendVisible());
        QCOMPARE(window_->layer()->legendAnnotation(0), std::string("green"));
        QCOMPARE(window_->layer()->legendAnnotation(1), std::string("yellow"));
        QCOMPARE(window_->layer()->drawnEdges(), int64_t(7));
        QVERIFY(open("demo"));
        QVERIFY(!timeline->isVisible());
    }

    void commandLineScreenshot() {
        QTemporaryDir dir;
        const QString out = dir.filePath("shot.png");
        QProcess p;
        p.start(QStringLiteral(EQUISCOPE_BIN_DIR "/equiscope"),
                {test_real_file(), "--screenshot", out, "--size", "400x300"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QImage im(out);
        QCOMPARE(im.size(), QSize(400, 300));
        QVERIFY(foregroundPixels(im, QRect(0, 0, 320, 300)) > 2000);

        QProcess bad;
        bad.start(QStringLiteral(EQUISCOPE_BIN_DIR "/equiscope"),
                  {"/nonexistent.ply", "--screenshot", out});
        QVERIFY(bad.waitForFinished(60000));
        QCOMPARE(bad.exitCode(), 2);
    }

  private:
    static QString test_real_file() {
        return equiscope::test::realPointClouds() + "/bunny_points_normals_binary_le.ply";
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiViewport)
#include "test_gui_viewport.moc"
