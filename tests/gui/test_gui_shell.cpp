// The app shell a new user meets (issue 12), headless under Xvfb: at 1366x768 and
// 1920x1080 the viewport holds half the window and the Transform and Evaluation docks
// show everything without scrolling, the Charts dock opens when an analysis runs; the
// legend sits beside the scene; an exact model's errors are drawn as "exact to round-off"
// while a broken one's vary; each kind of data opens on what it is about; --size writes
// exactly that many pixels; File ▸ Open's filter lists every reader's extensions.

#include "ChartsPanel.h"
#include "EvaluationPanel.h"
#include "Exploration.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "TestSupport.h"
#include "TransformPanel.h"
#include "VtkViewport.h"
#include "io/FormatRegistry.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDockWidget>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QStatusBar>
#include <vtkCamera.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

using equiscope::gui::MainWindow;
using namespace equiscope;

namespace {

const QString kTilt = QStringLiteral("SO3:axis=1,1,0;angle=60");

// Pixels of the "exact to round-off" colour in the scene part of a frame.
int exactColourPixels(const QImage& image) {
    int count = 0;
    const QColor exact =
        QColor::fromRgbF(views::kExactColor[0], views::kExactColor[1], views::kExactColor[2]);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width() * 3 / 4; ++x) {
            const QColor c = image.pixelColor(x, y);
            count += std::abs(c.red() - exact.red()) + std::abs(c.green() - exact.green()) +
                         std::abs(c.blue() - exact.blue()) <
                     12;
        }
    return count;
}

// Whether `w` lies in a scroll area inside `panel`.
bool scrolledWithin(QWidget* w, QWidget* panel) {
    for (QWidget* p = w->parentWidget(); p && p != panel; p = p->parentWidget())
        if (qobject_cast<QAbstractScrollArea*>(p)) return true;
    return false;
}

// The first of `panel`'s controls and labels that the user cannot see whole, or "" (those
// in a scroll area inside the panel only when `scrolledToo`).
QString hiddenControl(QWidget* panel, bool scrolledToo = true) {
    for (QWidget* c : panel->findChildren<QWidget*>()) {
        if (!scrolledToo && scrolledWithin(c, panel)) continue;
        if (!qobject_cast<QAbstractButton*>(c) && !qobject_cast<QAbstractSlider*>(c) &&
            !qobject_cast<QAbstractSpinBox*>(c) && !qobject_cast<QLabel*>(c) &&
            !qobject_cast<QComboBox*>(c))
            continue;
        if (!c->isVisibleTo(panel)) continue; // not part of this group's controls
        // Drawn whole, and inside the panel: a panel squeezed below its minimum size lays
        // its controls out past its own edge, over the next dock.
        const QRect inPanel(c->mapTo(panel, QPoint(0, 0)), c->size());
        if (c->visibleRegion().boundingRect().size() != c->size() ||
            (!scrolledWithin(c, panel) && !panel->rect().contains(inPanel)))
            return c->metaObject()->className() + QString(" '") +
                   (qobject_cast<QLabel*>(c) ? qobject_cast<QLabel*>(c)->text().left(30)
                                             : c->objectName()) +
                   "'";
    }
    return {};
}

} // namespace

class TestGuiShell : public QObject {
    Q_OBJECT

    static bool applyAndWait(MainWindow& w, const char* model, const ModelOptions& options) {
        QSignalSpy evaluated(w.exploration(), &gui::Exploration::evaluated);
        if (!test::applyModelAndWait(w, model, options).isEmpty()) return false;
        w.transformPanel()->setCurrent(Transform::parse(kTilt.toStdString()));
        while (evaluated.wait(60000))
            if (!w.exploration()->worker()->busy()) return true;
        return false;
    }

    static std::unique_ptr<MainWindow> windowOfSize(QSize size, const QString& data) {
        auto w = std::make_unique<MainWindow>();
        w->setProperty("batch", true);
        w->resetLayout();
        w->resize(size);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get())) return nullptr;
        QSignalSpy shown(w.get(), &MainWindow::datasetShown);
        w->open(data);
        return shown.wait(30000) ? std::move(w) : nullptr;
    }

    void checkLayout(QSize size) {
        auto w = windowOfSize(size, "demo");
        QVERIFY(w);
        QCOMPARE(w->size(), size);
        QVERIFY(!w->chartsDock()->isVisible()); // closed until an analysis runs
        QVERIFY(applyAndWait(*w, "mlp", {{"output", "vector"}}));
        QTest::qWait(50);
        QVERIFY2(w->viewport()->width() * 2 >= size.width() &&
                     w->viewport()->height() * 2 >= size.height(),
                 qPrintable(QString("viewport %1x%2")
                                .arg(w->viewport()->width())
                                .arg(w->viewport()->height())));
        const QString transform = hiddenControl(w->transformPanel());
        QVERIFY2(transform.isEmpty(), qPrintable("Transform dock hides " + transform));
        QVERIFY(w->evaluationPanel()->isVisible());
        const QString evaluation = hiddenControl(w->evaluationPanel());
        QVERIFY2(evaluation.isEmpty(), qPrintable("Evaluation dock hides " + evaluation));
        QVERIFY(w->evaluationPanel()->caption().contains("exact to round-off"));
        // E3's eight parameter rows fit whole; Aff3's thirteen fit at 1080 px height and
        // scroll (never the buttons, the stack or the Evaluation dock) at 768.
        for (const char* group : {"E3", "Aff3"}) {
            w->transformPanel()->setCurrent(Transform::identity(group));
            QTest::qWait(100);
            const bool whole = std::string(group) == "E3" || size.height() >= 1080;
            const QString hidden = hiddenControl(w->transformPanel(), whole);
            QVERIFY2(hidden.isEmpty(),
                     qPrintable(QString("%1: Transform dock hides %2").arg(group).arg(hidden)));
            // Docks squeezed below their content overlap (the Transform dock's buttons
            // drawn over the Evaluation dock's matrix).
            // A dock whose content does not fit grows the window past the screen.
            QVERIFY2(w->size() == size, qPrintable(QString("%1: the window grew to %2x%3")
                                                       .arg(group)
                                                       .arg(w->width())
                                                       .arg(w->height())));
            const QRect transformDock = w->transformPanel()->parentWidget()->geometry();
            const QRect evaluationDock = w->evaluationPanel()->parentWidget()->geometry();
            const int statusTop = w->height() - w->statusBar()->height();
            QVERIFY2(evaluationDock.bottom() < statusTop,
                     qPrintable(QString("%1: the Evaluation dock ends at %2, past the status "
                                        "bar's top at %3")
                                    .arg(group)
                                    .arg(evaluationDock.bottom())
                                    .arg(statusTop)));
            QVERIFY2(!transformDock.intersects(evaluationDock),
                     qPrintable(QString("%1: the Transform dock (bottom %2) overlaps the "
                                        "Evaluation dock (top %3)")
                                    .arg(group)
                                    .arg(transformDock.bottom())
                                    .arg(evaluationDock.top())));
            const QString matrix = hiddenControl(w->evaluationPanel());
            QVERIFY2(matrix.isEmpty(),
                     qPrintable(QString("%1: Evaluation dock hides %2").arg(group).arg(matrix)));
        }
        w->transformPanel()->setCurrent(Transform::parse(kTilt.toStdString()));
        QSignalSpy done(w->exploration(), &gui::Exploration::analysisDone);
        w->exploration()->runSweep();
        QVERIFY(w->chartsDock()->isVisible());
        QVERIFY(done.wait(120000));
        QCOMPARE(w->charts()->seriesPoints(views::ChartsPanel::SweepChart),
                 2 * w->charts()->sweepSteps() + 1); // mean, max and the current element
        QVERIFY2(hiddenControl(w->transformPanel()).isEmpty(), "the Charts dock hid a control");
        QVERIFY2(w->viewport()->height() * 3 >= size.height(), // charts leave the view room
                 qPrintable(QString("viewport height %1").arg(w->viewport()->height())));
    }

  private Q_SLOTS:
    void initTestCase() {
        if (!test::hasGl()) QSKIP("needs an X server with GL (run under xvfb-run)");
    }

    void layoutFitsA1366x768Screen() { checkLayout({1366, 768}); }
    void layoutFitsA1920x1080Screen() { checkLayout({1920, 1080}); }

    void timelineLeavesTheViewItsHeight() {
        auto w = windowOfSize({1366, 768}, QStringLiteral(EQUISCOPE_REAL_DATA "/graphs/MUTAG"));
        QVERIFY(w);
        QTest::qWait(50);
        QVERIFY2(w->viewport()->height() * 2 >= 768,
                 qPrintable(QString("viewport height %1").arg(w->viewport()->height())));
    }

    void exactModelIsOneColourAndBrokenOneVaries() {
        auto w = test::openWindow("demo", QSize(640, 480));
        QVERIFY(w);
        const int64_t n = w->sample()->nodeCount();
        QVERIFY(applyAndWait(*w, "egnn", {}));
        QCOMPARE(w->layer()->quantities()->shown(), QString("equivariance error"));
        QCOMPARE(w->layer()->exactNodes(), n); // float32 round-off, 1e-9...5e-7
        QVERIFY(w->evaluationPanel()->caption().contains(
            QString("%1 of %1 nodes exact to round-off").arg(n)));
        const int egnnExact = exactColourPixels(w->viewport()->grabFramebuffer());
        w->evaluationPanel()->setFullRange(true); // today's view: round-off spread out
        QCOMPARE(w->layer()->exactNodes(), int64_t(0));
        QVERIFY(exactColourPixels(w->viewport()->grabFramebuffer()) < egnnExact / 20);
        w->evaluationPanel()->setFullRange(false);

        QVERIFY(applyAndWait(*w, "mlp", {{"output", "vector"}}));
        QVERIFY2(w->layer()->exactNodes() < n / 100,
                 qPrintable(QString("%1 MLP nodes exact").arg(w->layer()->exactNodes())));
        const int mlpExact = exactColourPixels(w->viewport()->grabFramebuffer());
        QVERIFY2(egnnExact > 2000 && mlpExact < egnnExact / 20,
                 qPrintable(
                     QString("exact-colour pixels: EGNN %1, MLP %2").arg(egnnExact).arg(mlpExact)));
    }

    void legendSitsBesideTheScene() {
        auto w = test::openWindow("demo", QSize(640, 480));
        QVERIFY(w);
        QVERIFY(w->layer()->legendVisible());
        vtkRenderer* scene = w->viewport()->renderer();
        const double split = scene->GetViewport()[2];
        QVERIFY(split < 0.8);
        QCOMPARE(w->viewport()->legendRenderer()->GetViewport()[0], split);
        // Every point projects left of the legend's strip.
        const Field& pos = w->sample()->positions();
        const double width = scene->GetRenderWindow()->GetSize()[0];
        double rightmost = 0;
        for (int64_t i = 0; i < pos.rows(); ++i) {
            scene->SetWorldPoint(pos.at(i, 0), pos.at(i, 1), pos.at(i, 2), 1);
            scene->WorldToDisplay();
            rightmost = std::max(rightmost, scene->GetDisplayPoint()[0]);
        }
        QVERIFY2(
            rightmost < split * width,
            qPrintable(
                QString("a point at x=%1, the strip at %2").arg(rightmost).arg(split * width)));
        w->colorCombo()->setCurrentText("solid"); // no legend: the scene takes the width
        QVERIFY(!w->layer()->legendVisible());
        QCOMPARE(scene->GetViewport()[2], 1.0);
    }

    void eachKindOpensOnWhatItIsAbout() {
        const QString real = QStringLiteral(EQUISCOPE_REAL_DATA);
        auto w = test::openWindow(real + "/graphs/MUTAG", QSize(480, 360));
        QVERIFY(w);
        QCOMPARE(w->layer()->quantities()->shown(), QString("node_label"));
        QVERIFY(w->layer()->legendVisible());
        QSignalSpy shown(w.get(), &MainWindow::datasetShown);
        w->open(real + "/trajectories/3bpa_train_300K.xyz");
        QVERIFY(shown.wait(30000));
        QCOMPARE(w->layer()->quantities()->shown(), QString("species"));
        const views::ColorQuantity* species = w->layer()->quantities()->current();
        const auto h = std::find(species->categories.begin(), species->categories.end(), "H");
        QVERIFY(h != species->categories.end());
        QCOMPARE(species->palette.at(static_cast<std::size_t>(h - species->categories.begin())),
                 (std::array<double, 3>{1, 1, 1}));
        // Atoms are balls sized by element: hydrogens smaller than carbons.
        const std::vector<double>& radii = w->layer()->atomRadii();
        QCOMPARE(static_cast<int64_t>(radii.size()), w->layer()->sample()->nodeCount());
        const double hIndex = static_cast<double>(h - species->categories.begin());
        const auto c = std::find(species->categories.begin(), species->categories.end(), "C");
        QVERIFY(c != species->categories.end());
        const double cIndex = static_cast<double>(c - species->categories.begin());
        double hRadius = 0, cRadius = 0;
        for (std::size_t i = 0; i < radii.size(); ++i) {
            if (species->values[i] == hIndex) hRadius = radii[i];
            if (species->values[i] == cIndex) cRadius = radii[i];
        }
        QVERIFY2(hRadius > 0 && hRadius < cRadius,
                 qPrintable(QString("H %1 Å, C %2 Å").arg(hRadius).arg(cRadius)));
        w->open(real + "/trajectories/cmu_mocap_01_01.bvh");
        QVERIFY(shown.wait(30000));
        QCOMPARE(w->layer()->quantities()->shown(), QString("segment"));
        QVERIFY(w->layer()->atomRadii().empty()); // joints are not atoms
        double up[3];
        w->viewport()->renderer()->GetActiveCamera()->GetViewUp(up);
        QVERIFY2(up[1] > 0.99, "BVH is Y-up: the walk stands upright");
    }

    void windowCaptureHasTheAskedSize() {
        QTemporaryDir dir;
        const QString png = dir.filePath("window.png");
        const auto run = test::runTool(
            "equiscope", {"--capture", "window", "--size", "1366x768", "--screenshot", png});
        QCOMPARE(run.status, 0);
        QCOMPARE(QImage(png).size(), QSize(1366, 768));
    }

    void aboutBoxAndIcons() {
        const QString about = gui::aboutText();
        for (const char* part : {"EquiScope", "Qt 6.", "VTK 9.", "LibTorch "})
            QVERIFY2(about.contains(part), part);
        MainWindow w; // the resources compiled in; the SVG icon engine draws them
        QVERIFY(!w.windowIcon().isNull());
        for (const char* icon :
             {"equiscope", "open", "object-mode", "reset-camera", "export-png", "charts"}) {
            const QImage image = QIcon(QString(":/icons/%1.svg").arg(icon)).pixmap(32).toImage();
            QVERIFY2(!image.isNull() &&
                         image.pixelColor(16, 16).alpha() + image.pixelColor(12, 12).alpha() > 0,
                     icon);
        }
    }

    void openFilterListsEveryReader() {
        const QString filter = gui::openDataFilter();
        for (const FormatReader* reader : FormatRegistry::builtin().readers())
            for (const std::string& ext : reader->extensions())
                QVERIFY2(filter.contains("*" + QString::fromStdString(ext)), ext.c_str());
    }
};

EQUISCOPE_GUI_TEST_MAIN(TestGuiShell)
#include "test_gui_shell.moc"
