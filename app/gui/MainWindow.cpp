#include "MainWindow.h"

#include "DataPanel.h"
#include "DatasetExplorer.h"
#include "DatasetLoader.h"
#include "Exploration.h"
#include "InspectorPanel.h"
#include "ModelPanel.h"
#include "PartsExplorer.h"
#include "PointCloudLayer.h"
#include "QuantityCombo.h"
#include "QuantityRegistry.h"
#include "SessionController.h"
#include "SphericalExplorer.h"
#include "TimelinePanel.h"
#include "TrailLayer.h"
#include "TrainingController.h"
#include "TwoPathLayer.h"
#include "VtkViewport.h"
#include "data/Summary.h"
#include "scene/DisplaySample.h"
#include "soft_equivariance/PerModel.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSaveFile>
#include <QStatusBar>
#include <QToolButton>

namespace equiscope::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("EquiScope"));
    setAcceptDrops(true);
    viewport_ = new views::VtkViewport(this);
    setCentralWidget(viewport_);
    layer_ = std::make_unique<views::PointCloudLayer>(viewport_);
    trails_ = std::make_unique<views::TrailLayer>(viewport_->renderer());
    loader_ = new DatasetLoader(this);
    buildStatusBar();
    buildDocks();
    sessions_ = new SessionController(*this);
    buildActions();
    exploration_ = new Exploration({viewport_, layer_.get(), modelPanel_, transformPanel_,
                                    evaluationPanel_, charts_, inspector_},
                                   this);
    parts_ = new PartsExplorer(partsPanel_, exploration_, layer_.get(), transformPanel_, this);
    spherical_ =
        new SphericalExplorer(sphericalPanel_, transformPanel_, viewport_, layer_.get(), this);
    datasets_ = new DatasetExplorer(*this, datasetPanel_);
    // The spheres take the viewport while their dock is shown (raised among the tabs).
    connect(sphericalDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        spherical_->setActive(visible);
        exploration_->twoPaths()->setVisible(!visible && twoPaths_->isChecked());
        if (visible) trails_->hide(); // the timeline draws them again on its next frame
    });
    connect(training_, &TrainingController::exploreRequested, this,
            &MainWindow::showExploredPerModel);
    connect(modelPanel_, &views::ModelPanel::applyRequested, this,
            &MainWindow::applyModelFromPanel);
    connect(exploration_, &Exploration::message, statusText_, &QLabel::setText);
    connect(exploration_, &Exploration::evaluated, this, [this] {
        if (const LiveResult* r = exploration_->lastResult())
            statusText_->setText(tr("%1: mean error %2, max %3 (%4 ms)")
                                     .arg(exploration_->modelName())
                                     .arg(r->meanError, 0, 'e', 2)
                                     .arg(r->maxError, 0, 'e', 2)
                                     .arg(r->seconds * 1e3, 0, 'f', 0));
    });
    connect(exploration_, &Exploration::chartAnalysisStarted, this, [this] {
        if (!chartsDock_->isVisible()) { // a third of the window: the view keeps the rest
            chartsDock_->show();
            resizeDocks({chartsDock_}, {std::max(300, height() / 3)}, Qt::Vertical);
        }
        chartsDock_->raise();
    });
    connectWorker();
    connectLoader();
    connectModels();
    connect(viewport_, &views::VtkViewport::clicked, this, &MainWindow::pickAt);
    restoreWindowState();
}

// The exploration draws into the viewport's renderer: it goes before the child widgets.
MainWindow::~MainWindow() {
    // The spheres leave the viewport while it still exists (the dock's signal first).
    disconnect(sphericalDock_, nullptr, this, nullptr);
    delete spherical_;
    delete exploration_;
}

QComboBox* MainWindow::colorCombo() const {
    return colorCombo_;
}

void MainWindow::setStatus(const QString& text) {
    statusText_->setText(text);
}

void MainWindow::buildStatusBar() {
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
}

void MainWindow::connectWorker() {
    ModelWorker* worker = exploration_->worker();
    connect(worker, &ModelWorker::analysisProgress, this, [this](double f, const QString& m) {
        progress_->setVisible(true);
        cancel_->setVisible(true);
        progress_->setValue(static_cast<int>(f * 1000));
        statusText_->setText(m);
    });
    connect(worker, &ModelWorker::analysisFinished, this, [this](const QString& name) {
        setBusy(false);
        statusText_->setText(tr("%1 finished").arg(name));
    });
    connect(worker, &ModelWorker::failed, this, [this] { setBusy(false); });
    connect(cancel_, &QToolButton::clicked, worker, &ModelWorker::cancelAnalysis);
}

void MainWindow::connectLoader() {
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
}

// The Training tab's "Explore this model": its task's sample with the trained model.
void MainWindow::showExploredPerModel() {
    const per::PerResult* r = training_->result();
    if (!r) return;
    Dataset d = Dataset::of(per::taskSample(r->config.task, r->config.seed + 11));
    d.source = "per:" + r->config.task + " sample";
    d.format = "PER task";
    showDataset(std::make_shared<const Dataset>(std::move(d)));
    auto model =
        std::shared_ptr<Model>(per::makePerModel(r->config.task, r->config.model, r->model));
    exploration_->setFeatures({}); // the task's own input rule
    exploration_->useModel(std::move(model), QStringLiteral("per"),
                           {{"task", r->config.task}, {"model", r->config.model}}, DeviceKind::Cpu);
    modelPanel_->showModel(exploration_->model(), {});
    statusText_->setText(tr("The trained PER model is the current model; try O2(z) and SO3 in "
                            "the Transform dock."));
}

void MainWindow::open(const QString& pathOrDemo) {
    setBusy(true);
    statusText_->setText(tr("Opening %1…").arg(QFileInfo(pathOrDemo).fileName()));
    loader_->load(pathOrDemo);
}

void MainWindow::showFrame(int sample, int frame) {
    if (!dataset_ || sample < 0 || sample >= static_cast<int>(dataset_->samples.size())) return;
    const bool newSample = sample != shownSample_;
    shownSample_ = sample;
    const Sample& raw = dataset_->samples[static_cast<std::size_t>(sample)];
    sample_ = std::make_shared<const Sample>(displaySample(raw, frame));
    layer_->setSample(sample_);
    trails_->show(raw, frame);
    exploration_->setSample(sample_);
    if (newSample) {
        inspector_->showNode(nullptr, -1);
        fitDataCamera();
    }
    viewport_->update();
}

void MainWindow::showDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    if (dataset_->samples.empty()) return;
    // The first frame of the first sample; a graph without coordinates gets a layout.
    const Sample& first = dataset_->samples.front();
    sample_ = std::make_shared<const Sample>(displaySample(first));
    shownSample_ = 0;
    trails_->hide();
    const auto time = first.metadata.find("frame_time");
    timeline_->setRange(static_cast<int>(dataset_->samples.size()),
                        static_cast<int>(first.frameCount()),
                        time != first.metadata.end() ? std::atof(time->second.c_str()) : 1.0 / 30);
    const bool timeline = dataset_->samples.size() > 1 || first.frameCount() > 1;
    timelineDock_->setVisible(timeline);
    if (timeline) { // as low as its controls: the view keeps the height
        resizeDocks({timelineDock_}, {timelineDock_->minimumSizeHint().height()}, Qt::Vertical);
        // Lay out now, so that the camera below fits the viewport's final shape.
        QCoreApplication::sendPostedEvents(this, QEvent::LayoutRequest);
    }
    const DatasetSummary summary = summarize(*dataset_);
    layer_->setSample(sample_);
    // Few nodes (a molecule, a graph, a skeleton) are drawn large, a dense cloud small.
    const int64_t nodes = sample_->nodeCount();
    pointSize_->setValue(nodes <= 200 ? 10 : nodes <= 5000 ? 6 : 3); // sets the layer's
    // New data opens on what it is about; with a model, on the model's error.
    views::QuantityRegistry* quantities = layer_->quantities();
    quantities->show(exploration_->model() && quantities->find(Exploration::errorColourName())
                         ? Exploration::errorColourName()
                         : quantities->names().value(0));
    dataPanel_->showDataset(*dataset_, summary);
    inspector_->showNode(nullptr, -1);
    exploration_->setSample(sample_);
    fitDataCamera();
    const QString name = QFileInfo(QString::fromStdString(dataset_->source)).fileName();
    setWindowTitle(tr("%1 — EquiScope").arg(name));
    QString text =
        tr("%1: %2 points, %3 fields").arg(name).arg(summary.nodes).arg(summary.fields.size());
    if (summary.nonFinitePositions > 0)
        text += tr(" — %1 points with NaN/Inf coordinates").arg(summary.nonFinitePositions);
    statusText_->setText(text);
    Q_EMIT datasetShown();
}

// While the spheres have the viewport, the data's camera is kept for when they go.
void MainWindow::fitDataCamera() {
    viewport_->resetCamera(*sample_);
    if (spherical_->active()) spherical_->keepDataCamera();
}

void MainWindow::pickAt(QPointF position) {
    const double dpr = viewport_->devicePixelRatioF();
    const double x = position.x() * dpr;
    const double y = (viewport_->height() - position.y() - 1) * dpr;
    const int64_t node = layer_->pick(x, y);
    layer_->setPicked(node);
    exploration_->inspect(node);
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.front().isLocalFile()) open(urls.front().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    sessions_->cleanExit();
    saveWindowState();
    QMainWindow::closeEvent(event);
}

} // namespace equiscope::gui
