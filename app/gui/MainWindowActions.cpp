// The main window's File and View menus and its toolbar: open (with a filter built from
// the reader registry), recent files, sessions, export, camera, object mode, the colour
// quantity and its colormap, point size.

#include "Colormap.h"
#include "Exploration.h"
#include "MainWindow.h"
#include "PointCloudLayer.h"
#include "QuantityCombo.h"
#include "QuantityRegistry.h"
#include "SessionController.h"
#include "SphericalExplorer.h"
#include "TwoPathLayer.h"
#include "VtkViewport.h"
#include "io/FormatRegistry.h"
#include "util/Runtime.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QToolBar>
#include <vtkVersion.h>

// The icons of resources/equiscope.qrc, compiled into this static library.
static void initResources() {
    Q_INIT_RESOURCE(equiscope);
}

namespace equiscope::gui {

namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "recentFiles";

} // namespace

QString aboutText() {
    return QObject::tr("<h3>EquiScope %1</h3><p>A desktop lab for equivariant learning: "
                       "transform the data and watch where a model keeps or breaks its "
                       "symmetries.</p><p>Qt %2 · VTK %3 · LibTorch %4</p>")
        .arg(QStringLiteral(EQUISCOPE_VERSION), QString::fromLatin1(qVersion()),
             QString::fromLatin1(vtkVersion::GetVTKVersion()),
             QString::fromLatin1(libtorchVersion()));
}

QString openDataFilter() {
    QStringList all, each;
    for (const FormatReader* reader : FormatRegistry::builtin().readers()) {
        QStringList patterns;
        for (const std::string& ext : reader->extensions())
            patterns << QStringLiteral("*") + QString::fromStdString(ext);
        if (patterns.isEmpty()) continue;
        all << patterns;
        each << QStringLiteral("%1 (%2)").arg(QString::fromStdString(reader->name()),
                                              patterns.join(' '));
    }
    all.removeDuplicates();
    return QObject::tr("All supported data (%1);;%2;;All files (*)")
        .arg(all.join(' '), each.join(QStringLiteral(";;")));
}

void MainWindow::buildActions() {
    initResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/equiscope.svg")));
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openAction = file->addAction(tr("&Open…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open data"), QString(), openDataFilter());
        if (!path.isEmpty()) open(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    openAction->setIcon(QIcon(QStringLiteral(":/icons/open.svg")));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addAction(tr("Open Scan &Results…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open scan results"), QString(),
            tr("Scan results (*.csv *.jsonl *.ndjson);;All files (*)"));
        if (!path.isEmpty()) openScanResults(path);
    });
    file->addAction(tr("Open &Demo Scene"), this, [this] { open(QStringLiteral("demo")); });
    file->addAction(tr("Open &Multi-part Scene"), this, [this] { open(QStringLiteral("parts")); });
    file->addSeparator();
    file->addAction(tr("Open &Session…"), sessions_, &SessionController::openFile)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("&Save Session…"), sessions_, &SessionController::saveAs)
        ->setShortcut(QKeySequence::Save);
    file->addSeparator();
    QAction* exportAction = file->addAction(tr("&Export PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export PNG"), QStringLiteral("equiscope.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QMessageBox::warning(this, tr("Export PNG"), tr("Could not write %1").arg(path));
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setIcon(QIcon(QStringLiteral(":/icons/export-png.svg")));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    QAction* reset = viewMenu_->addAction(tr("&Reset Camera"), this, [this] {
        if (spherical_->active()) return spherical_->fitCamera();
        if (sample_) viewport_->resetCamera(*sample_);
    });
    reset->setShortcut(QKeySequence(Qt::Key_R));
    reset->setIcon(QIcon(QStringLiteral(":/icons/reset-camera.svg")));
    viewMenu_->addAction(tr("Reset &Layout"), this, &MainWindow::resetLayout);
    objectMode_ = viewMenu_->addAction(tr("&Object Mode (drag moves the data)"));
    objectMode_->setCheckable(true);
    objectMode_->setShortcut(QKeySequence(Qt::Key_O));
    objectMode_->setIcon(QIcon(QStringLiteral(":/icons/object-mode.svg")));
    connect(objectMode_, &QAction::toggled, this, [this](bool on) {
        viewport_->setObjectMode(on);
        statusText_->setText(
            on ? tr("Object mode: drag rotates the data, Ctrl-drag moves it, Shift-drag scales it")
               : tr("Camera mode: drag turns the camera"));
    });
    twoPaths_ = viewMenu_->addAction(tr("Show f(g·x) and g·f(x) &Glyphs"));
    twoPaths_->setCheckable(true);
    twoPaths_->setChecked(true);
    connect(twoPaths_, &QAction::toggled, this, [this](bool on) {
        exploration_->twoPaths()->setVisible(on);
        viewport_->requestRender();
    });
    viewMenu_->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());
    chartsDock_->toggleViewAction()->setIcon(QIcon(QStringLiteral(":/icons/charts.svg")));
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About EquiScope"), this, [this] {
        QMessageBox::about(this, tr("About EquiScope"), aboutText());
    });
    buildToolBar(openAction, reset, exportAction);
}

void MainWindow::buildToolBar(QAction* openAction, QAction* resetCamera, QAction* exportAction) {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName("mainToolBar");
    bar->addAction(openAction);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Colour by "), bar));
    views::QuantityRegistry* quantities = layer_->quantities();
    colorCombo_ = new views::QuantityCombo(quantities, bar);
    bar->addWidget(colorCombo_);
    bar->addWidget(new QLabel(tr(" Colormap "), bar));
    colormapCombo_ = new QComboBox(bar);
    colormapCombo_->addItems(views::colormapNames());
    bar->addWidget(colormapCombo_);
    bar->addWidget(new QLabel(tr(" Point size "), bar));
    pointSize_ = new QDoubleSpinBox(bar);
    pointSize_->setRange(1, 20);
    pointSize_->setValue(3);
    pointSize_->setSuffix(tr(" px"));
    bar->addWidget(pointSize_);
    bar->addSeparator();
    bar->addAction(objectMode_);
    bar->addAction(resetCamera);
    bar->addAction(exportAction);
    bar->addAction(chartsDock_->toggleViewAction());

    connect(colormapCombo_, &QComboBox::currentTextChanged, quantities,
            &views::QuantityRegistry::setColormap);
    // The colormap combo follows the shown quantity, and only scalars have one.
    connect(quantities, &views::QuantityRegistry::displayChanged, colormapCombo_,
            [this, quantities] {
                const views::ColorQuantity* q = quantities->current();
                colormapCombo_->setEnabled(q && q->usesColormap());
                if (q && q->usesColormap()) {
                    const QSignalBlocker block(colormapCombo_);
                    colormapCombo_->setCurrentText(q->colormap);
                }
                viewport_->requestRender();
            });
    connect(pointSize_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double v) {
        layer_->setPointSize(v);
        viewport_->requestRender();
    });
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent) recent.removeLast();
    settings.setValue(kRecentKey, recent);
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { open(path); })
            ->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

} // namespace equiscope::gui
