// The Spherical functions view (issue 15), headless under Xvfb: it shows Y_2^1, Y_3^-2 and
// their Gaunt product on three spheres coloured by value with a legend (the product's colours
// are the inputs' product, vertex by vertex); the Transform dock turns all three and the
// printed equivariance error stays at round-off; closing the view gives the viewport back to
// the data with its camera; the path mask marks the odd paths Gaunt lacks; the timing chart
// fills degree by degree and stops when asked, keeping what it measured.

#include "FourierImage.h"
#include "GuiTestSupport.h"
#include "PathMask.h"
#include "PointCloudLayer.h"
#include "SphereLayer.h"
#include "SphericalExplorer.h"
#include "SphericalPanel.h"
#include "TimingChart.h"
#include "TransformPanel.h"
#include "harmonics/Wigner3j.h"

#include <QChartView>
#include <QDockWidget>
#include <QLineSeries>
#include <QProcess>
#include <QTemporaryDir>
#include <vtkCamera.h>
#include <vtkRenderer.h>

using equiscope::gui::MainWindow;
using namespace equiscope;

namespace {

struct Tally {
    int red = 0, blue = 0;
};

// Warm (coolwarm's positive end) and cool (negative end) pixels per third of the scene.
std::vector<Tally> colourThirds(const QImage& image, int sceneWidth) {
    std::vector<Tally> thirds(3);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < sceneWidth; ++x) {
            const QColor c = image.pixelColor(x, y);
            Tally& t = thirds[static_cast<std::size_t>(std::min(2, 3 * x / sceneWidth))];
            t.red += c.red() > 140 && c.green() < 110 && c.blue() < 110;
            t.blue += c.blue() > 140 && c.red() < 120;
        }
    return thirds;
}

// With EQUISCOPE_SAVE_PICTURES=DIR set, what the test looked at is written there to be seen.
void keep(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("EQUISCOPE_SAVE_PICTURES");
    if (!dir.isEmpty()) widget->grab().save(dir + "/" + name + ".png");
}

double maxDifference(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return (a - b).cwiseAbs().maxCoeff();
}

} // namespace

class TestGuiSpherical : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> w_;

    views::SphericalPanel* panel() const { return w_->sphericalPanel(); }

  private Q_SLOTS:
    void initTestCase() {
        if (!test::hasGl()) QSKIP("needs an X server with GL (run under xvfb-run)");
        w_ = test::openWindow("demo", {960, 540});
        QVERIFY(w_);
        w_->showSphericalView();
        QTRY_VERIFY(w_->spherical()->active());
    }

    void showsTheProductOfY21AndY3m2() {
        QCOMPARE(panel()->signal(0).l, 2);
        QCOMPARE(panel()->signal(0).m, 1);
        QCOMPARE(panel()->signal(1).m, -2);
        QCOMPARE(panel()->productDegree(), 5);
        const views::SphereLayer* s = w_->spherical()->spheres();
        QCOMPARE(s->values().size(), std::size_t(3));
        QVERIFY(!w_->layer()->visible());
        const Eigen::VectorXd expected = s->values()[0].cwiseProduct(s->values()[1]);
        QVERIFY2(maxDifference(s->values()[2], expected) < 1e-10,
                 "the product sphere is not the pointwise product of the inputs");
        QCOMPARE(s->quantity().colormap, QStringLiteral("coolwarm"));
        QCOMPARE(s->quantity().fixedLo, -s->quantity().fixedHi); // symmetric about zero
        QTest::qWait(100);
        const QImage frame = w_->viewport()->grabFramebuffer();
        QVERIFY(w_->viewport()->legendStrip());
        const int scene = frame.width() * 3 / 4; // left of the legend strip
        const std::vector<Tally> thirds = colourThirds(frame, scene);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(thirds[i].red > 200 && thirds[i].blue > 200,
                     qPrintable(QString("sphere %1: %2 warm, %3 cool pixels")
                                    .arg(i)
                                    .arg(thirds[i].red)
                                    .arg(thirds[i].blue)));
    }

    void transformDockTurnsInputsAndProduct() {
        QSignalSpy recomputed(w_->spherical(), &gui::SphericalExplorer::recomputed);
        const Transform t = Transform::parse("SO3:axis=1,1,0;angle=60");
        w_->transformPanel()->setCurrent(t);
        QVERIFY(!recomputed.isEmpty() || recomputed.wait(5000));
        QVERIFY2(w_->spherical()->equivarianceError() < 1e-12,
                 qPrintable(QString::number(w_->spherical()->equivarianceError())));
        QVERIFY2(panel()->note().contains("60.0°"), qPrintable(panel()->note()));
        // The drawn first input is Y_2^1 turned: its value at r is Y_2^1(R^T r).
        const Eigen::Matrix3d r = t.element({}).linear;
        const views::SphereLayer* s = w_->spherical()->spheres();
        const Eigen::MatrixX3d back = s->directions() * r; // rows (R^T d)^T
        const Eigen::VectorXd expected = evaluate(singleHarmonic(2, 1), back);
        QVERIFY(maxDifference(s->values()[0], expected) < 1e-10);
        QVERIFY(maxDifference(s->values()[2], s->values()[0].cwiseProduct(s->values()[1])) < 1e-10);
        w_->transformPanel()->reset();
    }

    void pathMaskMarksTheOddPaths() {
        panel()->setSignal(0, {views::SignalChoice::Kind::Harmonic, 1, 0, 1});
        panel()->setSignal(1, {views::SignalChoice::Kind::Harmonic, 1, 1, 1});
        panel()->showTab(views::SphericalPanel::PathsTab);
        views::PathMask* mask = panel()->pathMask();
        mask->setOutputDegree(1);
        QTest::qWait(50);
        QCOMPARE(views::PathMask::cell(1, 1, 1), views::PathMask::Cell::CgOnly);
        const QImage image = mask->grab().toImage();
        const auto colourAt = [&](int l1, int l2) {
            const QRect c = mask->cellRect(l1, l2);
            return image.pixelColor(c.center() + QPoint(c.width() / 4, 0)); // off the cross
        };
        QCOMPARE(colourAt(1, 1), views::PathMask::color(views::PathMask::Cell::CgOnly));
        QCOMPARE(colourAt(0, 1), views::PathMask::color(views::PathMask::Cell::Both));
        QCOMPARE(colourAt(0, 0), views::PathMask::color(views::PathMask::Cell::None));
        keep(panel(), "paths");
        // The counts against the triangle rule and parity, enumerated here.
        int cg = 0, gaunt = 0;
        for (int l1 = 0; l1 <= 4; ++l1)
            for (int l2 = 0; l2 <= 3; ++l2)
                for (int l3 = 0; l3 <= 6; ++l3)
                    if (triangleHolds(l1, l2, l3)) ++cg, gaunt += (l1 + l2 + l3) % 2 == 0;
        const views::PathMask::Counts counts = views::PathMask::count(4, 3, 6);
        QCOMPARE(counts.cg, cg);
        QCOMPARE(counts.gaunt, gaunt);
        QVERIFY(cg > gaunt);
    }

    // Y_1^0 has Fourier columns v = 0 only, Y_1^1 v = ±1; their product m = ±1 only.
    void fourierGridsHaveTheOrdersOfTheirHarmonics() {
        const auto columns = [](const views::FourierImage* image) {
            const Eigen::MatrixXd& m = image->magnitudes();
            std::vector<int> used;
            for (Eigen::Index v = 0; v < m.cols(); ++v)
                if (m.col(v).maxCoeff() > 1e-12) used.push_back(static_cast<int>(v - m.cols() / 2));
            return used;
        };
        QCOMPARE(columns(panel()->fourier(0)), std::vector<int>({0}));
        QCOMPARE(columns(panel()->fourier(1)), std::vector<int>({-1, 1}));
        QCOMPARE(columns(panel()->fourier(2)), std::vector<int>({-1, 1}));
        // Y_2^1 Y_3^-2: cos φ sin 2φ = (sin 3φ + sin φ) / 2, orders 1 and 3.
        panel()->setSignal(0, {views::SignalChoice::Kind::Harmonic, 2, 1, 1});
        panel()->setSignal(1, {views::SignalChoice::Kind::Harmonic, 3, -2, 1});
        QCOMPARE(columns(panel()->fourier(2)), std::vector<int>({-3, -1, 1, 3}));
        panel()->showTab(views::SphericalPanel::FourierTab);
        keep(panel(), "fourier");
    }

    void timingChartFillsAndStops() {
        views::TimingChart* chart = panel()->timing();
        QSignalSpy finished(w_->spherical(), &gui::SphericalExplorer::timingFinished);
        panel()->showTab(views::SphericalPanel::TimingTab);
        panel()->setTimingWorkload(4, 8);
        w_->spherical()->runTiming();
        QVERIFY(finished.wait(120000));
        QCOMPARE(int(chart->points().size()), panel()->timingTopDegree());
        for (const views::TimingPoint& p : chart->points())
            QVERIFY(p.fft > 0 && p.grid > 0 && p.cg > 0);
        QVERIFY2(chart->title().contains("done"), qPrintable(chart->title()));
        int drawn = 0;
        for (QAbstractSeries* s : chart->view()->chart()->series())
            drawn += static_cast<QLineSeries*>(s)->count();
        QCOMPARE(drawn, 3 * panel()->timingTopDegree());
        keep(panel(), "timing");
        // A long run, stopped after its first degree: what was measured stays.
        panel()->setTimingWorkload(16, 64);
        w_->spherical()->runTiming();
        QTRY_VERIFY_WITH_TIMEOUT(!chart->points().empty(), 60000);
        w_->spherical()->stopTiming();
        QVERIFY(finished.wait(120000));
        QVERIFY(int(chart->points().size()) < 16);
        QVERIFY2(chart->title().contains("stopped"), qPrintable(chart->title()));
        QVERIFY(!chart->points().empty());
    }

    void closingGivesTheViewportBackToTheData() {
        w_->sphericalDock()->hide();
        QTRY_VERIFY(!w_->spherical()->active());
        QVERIFY(w_->layer()->visible());
        QVERIFY(!w_->spherical()->spheres()->visible());
        QVERIFY(w_->viewport()->legendStrip() == w_->layer()->legendVisible());
    }

    // equiscope --view spherical --screenshot: the README's figure is made this way.
    void commandLineOpensTheView() {
        QTemporaryDir dir;
        const QString png = dir.filePath("spherical.png");
        QProcess app;
        app.start(EQUISCOPE_BIN_DIR "/equiscope",
                  {"--view", "spherical", "--screenshot", png, "--size", "800x450"});
        QVERIFY(app.waitForFinished(120000));
        QCOMPARE(app.exitCode(), 0);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 450));
        const std::vector<Tally> thirds = colourThirds(image, 600);
        for (const Tally& t : thirds) QVERIFY(t.red > 100 && t.blue > 100);
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiSpherical)
#include "test_gui_spherical.moc"
