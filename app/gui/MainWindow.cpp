#include "MainWindow.h"

#include "ColorChoice.h"
#include "Colormap.h"
#include "DataPanel.h"
#include "DatasetLoader.h"
#include "InspectorPanel.h"
#include "PointCloudLayer.h"
#include "VtkViewport.h"
#include "data/Summary.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <vtkRenderer.h>

namespace equiscope::gui {

namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "recentFiles";
const char* kFileFilter =
    "Point clouds (*.ply *.off *.xyz *.txt *.pts *.csv *.pcd *.npy *.npz);;All files (*)";
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("EquiScope"));
    setAcceptDrops(true);
    viewport_ = new views::VtkViewport(this);
    setCentralWidget(viewport_);
    layer_ = std::make_unique<views::PointCloudLayer>(viewport_->renderer());
    loader_ = new DatasetLoader(this);

    statusText_ = new QLabel(tr("Ready"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(220);
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    statusBar()->addWidget(statusText_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    setBusy(false);
    connect(cancel_, &QToolButton::clicked, loader_, &DatasetLoader::cancel);

    buildDocks();
    buildActions();

    connect(loader_, &DatasetLoader::progressed, this, [this](double f, const QString& message) {
        progress_->setValue(static_cast<int>(f * 1000));
        statusText_->setText(message);
    });
    connect(loader_, &DatasetLoader::loaded, this, [this](std::shared_ptr<const Dataset> d) {
        setBusy(false);
        if (d->source != "demo") rememberRecent(QString::fromStdString(d->source));
        showDataset(std::move(d));
    });
    connect(loader_, &DatasetLoader::failed, this,
            [this](const QString& path, const QString& message) {
                setBusy(false);
                statusText_->setText(tr("Could not open %1").arg(QFileInfo(path).fileName()));
                Q_EMIT loadFailed(message);
                if (isVisible() && !property("batch").toBool())
                    QMessageBox::warning(this, tr("Could not open file"), message);
            });
    connect(loader_, &DatasetLoader::cancelled, this, [this](const QString& path) {
        setBusy(false);
        statusText_->setText(tr("Cancelled loading %1").arg(QFileInfo(path).fileName()));
        Q_EMIT loadFailed(tr("cancelled"));
    });
    connect(viewport_, &views::VtkViewport::clicked, this, &MainWindow::pickAt);

    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
    dataPanel_ = new views::DataPanel(this);
    auto* dataDock = new QDockWidget(tr("Data"), this);
    dataDock->setObjectName("dataDock");
    dataDock->setWidget(dataPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, dataDock);

    inspector_ = new views::InspectorPanel(this);
    auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName("inspectorDock");
    inspectorDock->setWidget(inspector_);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openAction = file->addAction(tr("&Open…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open data"), QString(), tr(kFileFilter));
        if (!path.isEmpty()) open(path);
    });
    openAction->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    refreshRecentMenu();
    file->addAction(tr("Open &Demo Scene"), this, [this] { open(QStringLiteral("demo")); });
    file->addSeparator();
    QAction* exportAction = file->addAction(tr("&Export PNG…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export PNG"), QStringLiteral("equiscope.png"), tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QMessageBox::warning(this, tr("Export PNG"), tr("Could not write %1").arg(path));
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    QAction* reset =
        viewMenu_->addAction(tr("&Reset Camera"), this, [this] { viewport_->resetCamera(); });
    reset->setShortcut(QKeySequence(Qt::Key_R));
    viewMenu_->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName("mainToolBar");
    bar->addAction(openAction);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Colour by "), bar));
    colorCombo_ = new QComboBox(bar);
    colorCombo_->setMinimumContentsLength(14);
    colorCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
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
    bar->addAction(reset);
    bar->addAction(exportAction);

    connect(colorCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &MainWindow::applyColorChoice);
    connect(colormapCombo_, &QComboBox::currentTextChanged, this, [this](const QString& name) {
        layer_->setColormap(name);
        viewport_->requestRender();
    });
    connect(pointSize_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double v) {
        layer_->setPointSize(v);
        viewport_->requestRender();
    });
}

void MainWindow::open(const QString& pathOrDemo) {
    setBusy(true);
    statusText_->setText(tr("Opening %1…").arg(QFileInfo(pathOrDemo).fileName()));
    loader_->load(pathOrDemo);
}

void MainWindow::showDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    if (dataset_->samples.empty()) return;
    // The data stays owned by dataset_; the aliasing pointer shares its lifetime.
    sample_ = std::shared_ptr<const Sample>(dataset_, &dataset_->samples.front());
    const DatasetSummary summary = summarize(*dataset_);
    layer_->setSample(sample_);
    layer_->setPointSize(pointSize_->value());
    layer_->setColormap(colormapCombo_->currentText());
    {
        const QSignalBlocker block(colorCombo_);
        colorCombo_->clear();
        for (const auto& choice : views::colorChoices(*sample_))
            colorCombo_->addItem(choice.label());
        colorCombo_->setCurrentIndex(0);
    }
    applyColorChoice(0);
    dataPanel_->showDataset(*dataset_, summary);
    inspector_->showNode(nullptr, -1);
    viewport_->resetCamera();
    const QString name = QFileInfo(QString::fromStdString(dataset_->source)).fileName();
    setWindowTitle(tr("%1 — EquiScope").arg(name));
    QString text =
        tr("%1: %2 points, %3 fields").arg(name).arg(summary.nodes).arg(summary.fields.size());
    if (summary.nonFinitePositions > 0)
        text += tr(" — %1 points with NaN/Inf coordinates").arg(summary.nonFinitePositions);
    statusText_->setText(text);
    Q_EMIT datasetShown();
}

void MainWindow::applyColorChoice(int index) {
    if (!sample_ || index < 0) return;
    const auto choices = views::colorChoices(*sample_);
    if (index >= static_cast<int>(choices.size())) return;
    layer_->setColor(choices[static_cast<std::size_t>(index)]);
    colormapCombo_->setEnabled(
        choices[static_cast<std::size_t>(index)].mode == views::ColorChoice::Mode::Component ||
        choices[static_cast<std::size_t>(index)].mode == views::ColorChoice::Mode::Magnitude);
    viewport_->requestRender();
}

void MainWindow::pickAt(QPointF position) {
    const double dpr = viewport_->devicePixelRatioF();
    const double x = position.x() * dpr;
    const double y = (viewport_->height() - position.y() - 1) * dpr;
    const int64_t node = layer_->pick(x, y);
    layer_->setPicked(node);
    inspector_->showNode(sample_.get(), node);
    if (node >= 0) {
        const Field& pos = sample_->positions();
        statusText_->setText(tr("node %1 at (%2, %3, %4)")
                                 .arg(node)
                                 .arg(pos.at(node, 0), 0, 'g', 7)
                                 .arg(pos.at(node, 1), 0, 'g', 7)
                                 .arg(pos.at(node, 2), 0, 'g', 7));
    }
    viewport_->requestRender();
}

bool MainWindow::exportPng(const QString& path) {
    const QImage image = viewport_->grabFramebuffer();
    QSaveFile out(path);
    if (image.isNull() || !out.open(QIODevice::WriteOnly)) return false;
    if (!image.save(&out, "PNG")) {
        out.cancelWriting();
        return false;
    }
    return out.commit();
}

void MainWindow::setBusy(bool busy) {
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
    progress_->setValue(0);
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) open(urls.front().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    QMainWindow::closeEvent(event);
}

} // namespace equiscope::gui
