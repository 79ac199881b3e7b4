#include "MainWindow.h"

#include "BuiltinModels.h"
#include "ChartsPanel.h"
#include "ColorChoice.h"
#include "Colormap.h"
#include "DataPanel.h"
#include "DatasetLoader.h"
#include "EvaluationPanel.h"
#include "Exploration.h"
#include "InspectorPanel.h"
#include "ModelPanel.h"
#include "PartsExplorer.h"
#include "PartsPanel.h"
#include "PerModel.h"
#include "PointCloudLayer.h"
#include "Presets.h"
#include "TimelinePanel.h"
#include "TrailLayer.h"
#include "TrainingPanel.h"
#include "TransformPanel.h"
#include "TwoPathLayer.h"
#include "VtkViewport.h"
#include "data/Summary.h"
#include "scene/DisplaySample.h"
#include "util/Error.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace equiscope::gui {

namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "recentFiles";
const char* kFileFilter =
    "Point clouds (*.ply *.off *.xyz *.txt *.pts *.csv *.pcd *.npy *.npz);;All files (*)";
constexpr int kAutosaveMs = 60 * 1000;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("EquiScope"));
    setAcceptDrops(true);
    viewport_ = new views::VtkViewport(this);
    setCentralWidget(viewport_);
    layer_ = std::make_unique<views::PointCloudLayer>(viewport_->renderer());
    trails_ = std::make_unique<views::TrailLayer>(viewport_->renderer());
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
    exploration_ = new Exploration({viewport_, layer_.get(), modelPanel_, transformPanel_,
                                    evaluationPanel_, charts_, inspector_},
                                   this);
    parts_ = new PartsExplorer(partsPanel_, exploration_, layer_.get(), transformPanel_, this);
    connect(parts_, &PartsExplorer::mainColoursWanted, this,
            [this] { applyColorChoice(colorCombo_->currentIndex()); });
    connect(training_, &TrainingPanel::exploreRequested, this, [this] {
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
                               {{"task", r->config.task}, {"model", r->config.model}},
                               DeviceKind::Cpu);
        modelPanel_->showModel(exploration_->model(), {});
        colorCombo_->setCurrentText(Exploration::errorColourName());
        statusText_->setText(tr("The trained PER model is the current model; try O2(z) and SO3 in "
                                "the Transform dock."));
    });
    connect(modelPanel_, &views::ModelPanel::applyRequested, this,
            &MainWindow::applyModelFromPanel);
    connect(exploration_, &Exploration::message, statusText_, &QLabel::setText);
    connect(exploration_->worker(), &ModelWorker::analysisProgress, this,
            [this](double f, const QString& m) {
                progress_->setVisible(true);
                cancel_->setVisible(true);
                progress_->setValue(static_cast<int>(f * 1000));
                statusText_->setText(m);
            });
    connect(exploration_->worker(), &ModelWorker::analysisFinished, this,
            [this](const QString& name) {
                setBusy(false);
                statusText_->setText(tr("%1 finished").arg(name));
            });
    connect(exploration_->worker(), &ModelWorker::failed, this, [this] { setBusy(false); });
    connect(cancel_, &QToolButton::clicked, exploration_->worker(), &ModelWorker::cancelAnalysis);
    autosave_.setInterval(kAutosaveMs);
    connect(&autosave_, &QTimer::timeout, this, [this] {
        if (!dataset_) return;
        QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
        try {
            saveSession(autosavePath(), session());
        } catch (const Error&) {
        }
    });
    autosave_.start();

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

// The exploration draws into the viewport's renderer: it goes before the child widgets.
MainWindow::~MainWindow() {
    delete exploration_;
}

void MainWindow::buildDocks() {
    auto dock = [this](const QString& title, const char* name, QWidget* widget,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    dataPanel_ = new views::DataPanel(this);
    modelPanel_ = new views::ModelPanel(builtinModels(), this);
    auto* welcome = dock(tr("Welcome"), "welcomeDock", buildWelcome(), Qt::LeftDockWidgetArea);
    auto* data = dock(tr("Data"), "dataDock", dataPanel_, Qt::LeftDockWidgetArea);
    auto* model = dock(tr("Model"), "modelDock", modelPanel_, Qt::LeftDockWidgetArea);
    tabifyDockWidget(welcome, data);
    tabifyDockWidget(data, model);
    welcome->raise();

    transformPanel_ = new views::TransformPanel(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(transformPanel_);
    scroll->setWidgetResizable(true);
    dock(tr("Transform"), "transformDock", scroll, Qt::RightDockWidgetArea);
    evaluationPanel_ = new views::EvaluationPanel(this);
    dock(tr("Evaluation"), "evaluationDock", evaluationPanel_, Qt::RightDockWidgetArea);
    inspector_ = new views::InspectorPanel(this);
    auto* inspectorDock =
        dock(tr("Inspector"), "inspectorDock", inspector_, Qt::RightDockWidgetArea);
    partsPanel_ = new views::PartsPanel(this);
    partsDock_ = dock(tr("Parts"), "partsDock", partsPanel_, Qt::RightDockWidgetArea);
    tabifyDockWidget(inspectorDock, partsDock_);
    inspectorDock->raise();
    charts_ = new views::ChartsPanel(this);
    auto* chartsDock = dock(tr("Charts"), "chartsDock", charts_, Qt::BottomDockWidgetArea);
    training_ = new TrainingPanel(this);
    auto* trainingDock = dock(tr("Training"), "trainingDock", training_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(chartsDock, trainingDock);
    chartsDock->raise();
    timeline_ = new views::TimelinePanel(this);
    timelineDock_ = dock(tr("Timeline"), "timelineDock", timeline_, Qt::BottomDockWidgetArea);
    connect(timeline_, &views::TimelinePanel::frameRequested, this, &MainWindow::showFrame);
}

void MainWindow::showFrame(int sample, int frame) {
    if (!dataset_ || sample < 0 || sample >= static_cast<int>(dataset_->samples.size())) return;
    const bool newSample = sample != shownSample_;
    shownSample_ = sample;
    sample_ = std::make_shared<const Sample>(
        displaySample(dataset_->samples[static_cast<std::size_t>(sample)], frame));
    layer_->setSample(sample_);
    trails_->show(dataset_->samples[static_cast<std::size_t>(sample)], frame);
    applyColorChoice(colorCombo_->currentIndex());
    exploration_->setSample(sample_);
    if (newSample) {
        inspector_->showNode(nullptr, -1);
        viewport_->resetCamera();
    }
    viewport_->update();
}

QWidget* MainWindow::buildWelcome() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* intro =
        new QLabel(tr("<b>EquiScope</b>: transform the data and watch where a model keeps or "
                      "breaks its symmetries. Pick a preset, or open data (File ▸ Open), choose a "
                      "model in the Model tab and a group in the Transform dock. <b>O</b> toggles "
                      "object mode: drag to rotate the data, Ctrl-drag to move it, Shift-drag to "
                      "scale it."),
                   page);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto all = presets();
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto* button = new QPushButton(all[i].title, page);
        button->setToolTip(all[i].explanation);
        layout->addWidget(button);
        auto* text = new QLabel(all[i].explanation, page);
        text->setWordWrap(true);
        text->setStyleSheet("color: gray");
        layout->addWidget(text);
        connect(button, &QPushButton::clicked, this,
                [this, i] { applyPreset(static_cast<int>(i)); });
    }
    layout->addStretch(1);
    return page;
}

void MainWindow::applyPreset(int index) {
    const Preset p = presets().at(static_cast<std::size_t>(index));
    SessionState s = session();
    s.data = p.data;
    s.model = p.model;
    s.options = p.options;
    s.stack.clear();
    s.current = p.transform;
    s.hasCamera = false;
    s.colorBy.clear();
    restoreSession(s);
    statusText_->setText(p.explanation);
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
    file->addAction(tr("Open &Multi-part Scene"), this, [this] { open(QStringLiteral("parts")); });
    file->addSeparator();
    file->addAction(tr("Open &Session…"), this, &MainWindow::openSessionFile)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("&Save Session…"), this, &MainWindow::saveSessionAs)
        ->setShortcut(QKeySequence::Save);
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
    objectMode_ = viewMenu_->addAction(tr("&Object Mode (drag moves the data)"));
    objectMode_->setCheckable(true);
    objectMode_->setShortcut(QKeySequence(Qt::Key_O));
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
    bar->addAction(objectMode_);
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
    // The first frame of the first sample; a graph without coordinates gets a layout.
    sample_ = std::make_shared<const Sample>(displaySample(dataset_->samples.front()));
    shownSample_ = 0;
    trails_->hide();
    {
        const Sample& first = dataset_->samples.front();
        const auto time = first.metadata.find("frame_time");
        timeline_->setRange(
            static_cast<int>(dataset_->samples.size()), static_cast<int>(first.frameCount()),
            time != first.metadata.end() ? std::atof(time->second.c_str()) : 1.0 / 30);
        timelineDock_->setVisible(dataset_->samples.size() > 1 || first.frameCount() > 1);
    }
    const DatasetSummary summary = summarize(*dataset_);
    layer_->setSample(sample_);
    layer_->setPointSize(pointSize_->value());
    layer_->setColormap(colormapCombo_->currentText());
    {
        const QSignalBlocker block(colorCombo_);
        colorCombo_->clear();
        for (const auto& choice : views::colorChoices(*sample_))
            colorCombo_->addItem(choice.label());
        colorCombo_->addItem(Exploration::errorColourName());
        // With a model, the error stays what the points show.
        colorCombo_->setCurrentIndex(exploration_->model() ? colorCombo_->count() - 1 : 0);
    }
    applyColorChoice(colorCombo_->currentIndex());
    dataPanel_->showDataset(*dataset_, summary);
    inspector_->showNode(nullptr, -1);
    exploration_->setSample(sample_);
    viewport_->resetCamera();
    const QString name = QFileInfo(QString::fromStdString(dataset_->source)).fileName();
    setWindowTitle(tr("%1 — EquiScope").arg(name));
    QString text =
        tr("%1: %2 points, %3 fields").arg(name).arg(summary.nodes).arg(summary.fields.size());
    if (summary.nonFinitePositions > 0)
        text += tr(" — %1 points with NaN/Inf coordinates").arg(summary.nonFinitePositions);
    statusText_->setText(text);
    Q_EMIT datasetShown();
    if (pendingRestore_) finishRestore();
}

void MainWindow::applyColorChoice(int index) {
    if (!sample_ || index < 0) return;
    { // the main choice wins over the Parts dock's
        const QSignalBlocker block(partsPanel_);
        partsPanel_->setColour(views::PartsPanel::Colour::Off);
    }
    const bool error = colorCombo_->itemText(index) == Exploration::errorColourName();
    exploration_->setErrorColours(error);
    colormapCombo_->setEnabled(true);
    if (error) return;
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
    QFile::remove(autosavePath()); // a clean exit: nothing to restore next time
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    QMainWindow::closeEvent(event);
}

} // namespace equiscope::gui

namespace equiscope::gui {

void MainWindow::applyModelFromPanel() {
    const QString name = modelPanel_->modelName();
    ModelOptions options = modelPanel_->options();
    std::vector<std::string> features;
    for (const QString& f : modelPanel_->features().split(',', Qt::SkipEmptyParts))
        features.push_back(f.trimmed().toStdString());
    exploration_->setFeatures(features);
    QString error = applyModel(name, options, modelPanel_->device());
    if (error.contains("has no equiscope.json") && !property("batch").toBool()) {
        // Ask for the spec's answers (model-format.md) and try again.
        bool ok = false;
        const QString output = QInputDialog::getItem(
            this, tr("Model output"),
            tr("%1 has no spec. What does it return?").arg(QFileInfo(name).fileName()),
            {"position", "vector", "pseudovector", "scalar", "tensor2"}, 0, false, &ok);
        if (!ok) return;
        const QString per = QInputDialog::getItem(this, tr("Model output"), tr("One output per"),
                                                  {"node", "graph"}, 0, false, &ok);
        if (!ok) return;
        const int f =
            QInputDialog::getInt(this, tr("Model features"),
                                 tr("Feature channels F (width of feat)"), 1, 0, 4096, 1, &ok);
        if (!ok) return;
        options = {{"output", output.toStdString()},
                   {"per", per.toStdString()},
                   {"feature_dim", std::to_string(f)}};
        error = applyModel(name, options, modelPanel_->device());
    }
    if (!error.isEmpty()) {
        statusText_->setText(tr("Model not applied"));
        if (!property("batch").toBool()) QMessageBox::warning(this, tr("Model"), error);
    }
}

QString MainWindow::applyModel(const QString& nameOrFile, const ModelOptions& options,
                               DeviceKind device) {
    const QString error = exploration_->applyModel(nameOrFile, options, device);
    if (error.isEmpty()) {
        modelPanel_->setSelection(nameOrFile, options, device);
        colorCombo_->setCurrentText(Exploration::errorColourName());
        // Claims are shown with a measured verdict: measure them right away (after the
        // first live result, on the worker). Batch runs skip it.
        if (!property("batch").toBool()) exploration_->checkClaims();
        statusText_->setText(
            tr("Model %1 applied; evaluating…").arg(QFileInfo(nameOrFile).fileName()));
    }
    return error;
}

SessionState MainWindow::session() const {
    SessionState s;
    s.data = dataset_ ? QString::fromStdString(dataset_->source) : QStringLiteral("demo");
    s.model = exploration_->modelName();
    s.options = exploration_->modelOptions();
    s.device = exploration_->device() == DeviceKind::Cuda ? "cuda" : "cpu";
    QStringList features;
    for (const auto& f : exploration_->features()) features << QString::fromStdString(f);
    s.features = features.join(',');
    s.stack = transformPanel_->stack();
    s.current = transformPanel_->current();
    s.colorBy = colorCombo_->currentText();
    s.colormap = colormapCombo_->currentText();
    s.pointSize = pointSize_->value();
    s.logScale = evaluationPanel_->logScale();
    s.twoPaths = twoPaths_->isChecked();
    vtkCamera* c = viewport_->renderer()->GetActiveCamera();
    s.hasCamera = true;
    c->GetPosition(s.cameraPosition.data());
    c->GetFocalPoint(s.cameraFocalPoint.data());
    c->GetViewUp(s.cameraViewUp.data());
    return s;
}

void MainWindow::restoreSession(const SessionState& state) {
    pendingRestore_ = std::make_unique<SessionState>(state);
    open(state.data);
}

void MainWindow::finishRestore() {
    const SessionState s = *pendingRestore_;
    pendingRestore_.reset();
    colormapCombo_->setCurrentText(s.colormap);
    pointSize_->setValue(s.pointSize);
    evaluationPanel_->setLogScale(s.logScale);
    twoPaths_->setChecked(s.twoPaths);
    transformPanel_->setStack(s.stack);
    transformPanel_->setCurrent(s.current);
    std::vector<std::string> features;
    for (const QString& f : s.features.split(',', Qt::SkipEmptyParts))
        features.push_back(f.trimmed().toStdString());
    exploration_->setFeatures(features);
    modelPanel_->setFeatures(s.features);
    if (s.model.isEmpty()) {
        exploration_->clearModel();
    } else {
        const DeviceKind device =
            s.device == "cuda" && cudaAvailable() ? DeviceKind::Cuda : DeviceKind::Cpu;
        if (const QString error = applyModel(s.model, s.options, device); !error.isEmpty())
            statusText_->setText(tr("Session: model not restored: %1").arg(error));
    }
    if (const int i = colorCombo_->findText(s.colorBy); i >= 0) colorCombo_->setCurrentIndex(i);
    if (s.hasCamera) {
        vtkCamera* c = viewport_->renderer()->GetActiveCamera();
        c->SetPosition(s.cameraPosition.data());
        c->SetFocalPoint(s.cameraFocalPoint.data());
        c->SetViewUp(s.cameraViewUp.data());
        viewport_->renderer()->ResetCameraClippingRange();
        viewport_->requestRender();
    }
    Q_EMIT sessionRestored();
}

void MainWindow::saveSessionAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save session"),
                                                      QStringLiteral("session.equiscope.json"),
                                                      tr("EquiScope sessions (*.json)"));
    if (path.isEmpty()) return;
    try {
        saveSession(path, session());
        statusText_->setText(tr("Session saved to %1").arg(path));
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Save session"), QString::fromStdString(e.what()));
    }
}

void MainWindow::openSessionFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), QString(),
                                                      tr("EquiScope sessions (*.json)"));
    if (path.isEmpty()) return;
    try {
        restoreSession(loadSession(path));
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Open session"), QString::fromStdString(e.what()));
    }
}

QString MainWindow::autosavePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave.equiscope.json");
}

} // namespace equiscope::gui
