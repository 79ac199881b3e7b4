// The main window's docks and their layout: data and model on the left, the transform and
// its evaluation on the right (whole, without scrolling, from 1366x768 up), charts,
// training and the timeline at the bottom, opened when they have something to show.

#include "AugmentController.h"
#include "AugmentPanel.h"
#include "BuiltinModels.h"
#include "ChartsPanel.h"
#include "DataPanel.h"
#include "DatasetExplorer.h"
#include "DatasetPanel.h"
#include "EvaluationPanel.h"
#include "InspectorPanel.h"
#include "MainWindow.h"
#include "ModelPanel.h"
#include "PartsPanel.h"
#include "Presets.h"
#include "SessionController.h"
#include "SphericalPanel.h"
#include "TimelinePanel.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "TransformPanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace equiscope::gui {

namespace {
constexpr int kLeftDockWidth = 270, kRightDockWidth = 330;

// A dock's panel in a scroll area, for screens smaller than the panel. (The Transform and
// Evaluation panels go into their docks as they are: the controls the product is about
// are never scrolled away.)
QScrollArea* scrolled(QWidget* panel, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}
} // namespace

void MainWindow::buildDocks() {
    auto dock = [this](const QString& title, const char* name, QWidget* widget,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    dataPanel_ = new views::DataPanel(this);
    modelPanel_ = new views::ModelPanel(builtinModels(), this);
    auto* welcome =
        dock(tr("Welcome"), "welcomeDock", scrolled(buildWelcome(), this), Qt::LeftDockWidgetArea);
    auto* data = dock(tr("Data"), "dataDock", scrolled(dataPanel_, this), Qt::LeftDockWidgetArea);
    auto* model =
        dock(tr("Model"), "modelDock", scrolled(modelPanel_, this), Qt::LeftDockWidgetArea);
    tabifyDockWidget(welcome, data);
    tabifyDockWidget(data, model);
    welcome->raise();

    transformPanel_ = new views::TransformPanel(this);
    transformDock_ =
        dock(tr("Transform"), "transformDock", transformPanel_, Qt::RightDockWidgetArea);
    evaluationPanel_ = new views::EvaluationPanel(this);
    auto* evaluation =
        dock(tr("Evaluation"), "evaluationDock", evaluationPanel_, Qt::RightDockWidgetArea);
    inspector_ = new views::InspectorPanel(this);
    auto* inspector = dock(tr("Inspector"), "inspectorDock", inspector_, Qt::RightDockWidgetArea);
    partsPanel_ = new views::PartsPanel(this);
    partsDock_ =
        dock(tr("Parts"), "partsDock", scrolled(partsPanel_, this), Qt::RightDockWidgetArea);
    tabifyDockWidget(evaluation, inspector);
    tabifyDockWidget(inspector, partsDock_);
    evaluation->raise();

    charts_ = new views::ChartsPanel(this);
    chartsDock_ = dock(tr("Charts"), "chartsDock", charts_, Qt::BottomDockWidgetArea);
    auto* trainingDock =
        dock(tr("Training"), "trainingDock", buildTraining(), Qt::BottomDockWidgetArea);
    tabifyDockWidget(chartsDock_, trainingDock);
    sphericalPanel_ = new views::SphericalPanel(this);
    sphericalDock_ =
        dock(tr("Spherical functions"), "sphericalDock", sphericalPanel_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(trainingDock, sphericalDock_);
    chartsDock_->raise();
    timeline_ = new views::TimelinePanel(this);
    timelineDock_ = dock(tr("Timeline"), "timelineDock", timeline_, Qt::BottomDockWidgetArea);
    // The scan's table and histogram above a trajectory's timeline, where they line up.
    datasetPanel_ = new views::DatasetPanel(this);
    datasetDock_ = dock(tr("Dataset"), "datasetDock", datasetPanel_, Qt::BottomDockWidgetArea);
    splitDockWidget(datasetDock_, timelineDock_, Qt::Vertical);
    connect(timeline_, &views::TimelinePanel::frameRequested, this, &MainWindow::showFrame);
    // Charts and training start closed, so the viewport has the height; they open when
    // an analysis or a training starts (or from the View menu).
    for (QDockWidget* d : {chartsDock_, trainingDock, sphericalDock_, datasetDock_, timelineDock_})
        d->hide();
    resizeDocks({welcome, transformDock_}, {kLeftDockWidth, kRightDockWidth}, Qt::Horizontal);
    resizeDocks({transformDock_, evaluation}, {3, 2}, Qt::Vertical);
    defaultDockState_ = saveState();
}

// The Training tab: a method chooser above PER's panel or augment's, one shown at a time.
QWidget* MainWindow::buildTraining() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(0, 0, 0, 0);
    trainingMethod_ = new QComboBox(page);
    trainingMethod_->addItems({tr("PER: soft equivariance, learned levels (synthetic tasks)"),
                               tr("augment: invariance-constrained augmentation (shapes)")});
    auto* chooser = new QFormLayout;
    chooser->addRow(tr("Method"), trainingMethod_);
    column->addLayout(chooser);
    auto* stack = new QStackedWidget(page);
    auto* perPanel = new views::TrainingPanel(TrainingController::taskNames(),
                                              TrainingController::modelKinds(), stack);
    training_ = new TrainingController(perPanel, this);
    auto* augmentPanel = new views::AugmentPanel(AugmentController::modelKinds(), stack);
    augment_ = new AugmentController(augmentPanel, this);
    stack->addWidget(perPanel);
    stack->addWidget(augmentPanel);
    column->addWidget(stack, 1);
    connect(trainingMethod_, &QComboBox::currentIndexChanged, stack,
            &QStackedWidget::setCurrentIndex);
    return page;
}

void MainWindow::showTrainingMethod(int method) {
    trainingMethod_->setCurrentIndex(method);
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

void MainWindow::showSphericalView() {
    if (!sphericalDock_->isVisible()) {
        sphericalDock_->show();
        resizeDocks({sphericalDock_}, {std::max(300, height() / 3)}, Qt::Vertical);
    }
    sphericalDock_->raise();
}

bool MainWindow::openScanResults(const QString& path) {
    if (!datasets_->openResults(path)) return false;
    if (!datasetDock_->isVisible()) {
        datasetDock_->show();
        resizeDocks({datasetDock_}, {std::max(280, height() * 2 / 5)}, Qt::Vertical);
    }
    datasetDock_->raise();
    return true;
}

void MainWindow::applyPreset(int index) {
    const Preset p = presets().at(static_cast<std::size_t>(index));
    SessionState s = sessions_->current();
    s.data = p.data;
    s.model = p.model;
    s.options = p.options;
    s.stack.clear();
    s.current = p.transform;
    s.hasCamera = false;
    s.colorBy.clear();
    sessions_->restore(s);
    setStatus(p.explanation);
}

// 1400x900 where the screen has room, never more than its available geometry.
void MainWindow::resetLayout() {
    restoreState(defaultDockState_);
    const QRect screen = this->screen()->availableGeometry();
    const QSize size(std::min(1400, screen.width() * 9 / 10),
                     std::min(900, screen.height() * 9 / 10));
    resize(size);
    move(screen.center() - QPoint(size.width() / 2, size.height() / 2));
}

void MainWindow::restoreWindowState() {
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray()) ||
        !restoreState(settings.value("window/state").toByteArray()))
        return resetLayout();
    // A geometry saved on a larger screen is fitted to this one.
    const QRect screen = this->screen()->availableGeometry();
    if (!screen.contains(frameGeometry())) {
        resize(std::min(width(), screen.width()), std::min(height(), screen.height()));
        move(screen.topLeft());
    }
}

void MainWindow::saveWindowState() const {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
}

} // namespace equiscope::gui
