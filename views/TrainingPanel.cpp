#include "TrainingPanel.h"

#include "ChartStyle.h"
#include "models/Device.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace equiscope::views {

namespace {

QChart* newChart(QChartView* view, const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

} // namespace

TrainingPanel::TrainingPanel(const QStringList& tasks, const QStringList& models, QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildControls(tasks, models));
    lossView_ = new QChartView(this);
    lambdaView_ = new QChartView(this);
    for (auto* v : {lossView_, lambdaView_}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumWidth(260);
        layout->addWidget(v, 2);
    }
    layout->addWidget(buildResults(), 3);
    connect(task_, &QComboBox::currentTextChanged, this, &TrainingPanel::taskChanged);
    connect(start_, &QPushButton::clicked, this, &TrainingPanel::startRequested);
    connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stopRequested);
    connect(pause_, &QPushButton::toggled, this, &TrainingPanel::pauseToggled);
    connect(explore_, &QPushButton::clicked, this, &TrainingPanel::exploreRequested);
}

QWidget* TrainingPanel::buildControls(const QStringList& tasks, const QStringList& models) {
    auto* controls = new QWidget(this);
    auto* form = new QFormLayout(controls);
    task_ = new QComboBox(controls);
    task_->addItems(tasks);
    model_ = new QComboBox(controls);
    model_->addItems(models);
    model_->setToolTip(tr("per: learned levels; mlp: no regularizer; rpp: residual pathway; "
                          "emlp: hard O(3) / SO(3)×scale constraint"));
    variant_ = new QComboBox(controls);
    device_ = new QComboBox(controls);
    device_->addItems({"cpu", "cuda", "auto"});
    device_->setToolTip(cudaAvailable() ? tr("auto: CUDA when available")
                                        : tr("LibTorch sees no CUDA device here"));
    epsilon_ = new QDoubleSpinBox(controls);
    epsilon_->setRange(0, 10);
    epsilon_->setSingleStep(0.05);
    epsilon_->setValue(0.3);
    epochs_ = new QSpinBox(controls);
    epochs_->setRange(10, 100000);
    seed_ = new QSpinBox(controls);
    seed_->setRange(0, 1 << 30);
    start_ = new QPushButton(tr("Start"), controls);
    stop_ = new QPushButton(tr("Stop"), controls);
    pause_ = new QPushButton(tr("Pause"), controls);
    pause_->setCheckable(true);
    explore_ = new QPushButton(tr("Explore this model"), controls);
    explore_->setToolTip(
        tr("Make the trained model current, on one input of the task, in the viewport"));
    for (auto* b : {stop_, pause_, explore_}) b->setEnabled(false);
    status_ = new QLabel(tr("PER: one regularizer per candidate symmetry; the strengths that "
                            "survive are the learned levels."),
                         controls);
    status_->setWordWrap(true);
    form->addRow(tr("Task"), task_);
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Variant"), variant_);
    form->addRow(tr("ε (symmetry breaking)"), epsilon_);
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Device"), device_);
    auto* buttons = new QHBoxLayout;
    for (auto* b : {start_, pause_, stop_, explore_}) buttons->addWidget(b);
    form->addRow(buttons);
    form->addRow(status_);
    return controls;
}

QWidget* TrainingPanel::buildResults() {
    auto* results = new QWidget(this);
    auto* column = new QVBoxLayout(results);
    column->setContentsMargins(0, 0, 0, 0);
    levelsView_ = new QChartView(results);
    levelsView_->setRenderHint(QPainter::Antialiasing);
    levelsView_->setMinimumHeight(220);
    column->addWidget(levelsView_, 3);
    table_ = new QTableWidget(0, 6, results);
    table_->setHorizontalHeaderLabels({tr("group"), tr("level λ"), tr("λ / max λ"), tr("R"),
                                       tr("model error"), tr("true error")});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    column->addWidget(table_, 2);
    return results;
}

TrainingSettings TrainingPanel::settings() const {
    return {task_->currentText(),   model_->currentText(), variant_->currentText(),
            device_->currentText(), epsilon_->value(),     epochs_->value(),
            seed_->value()};
}

void TrainingPanel::setSettings(const TrainingSettings& s) {
    task_->setCurrentText(s.task); // its variants follow (taskChanged)
    model_->setCurrentText(s.model);
    device_->setCurrentText(s.device);
    if (!s.variant.isEmpty()) variant_->setCurrentText(s.variant);
    epsilon_->setValue(s.epsilon);
    epochs_->setValue(s.epochs);
    seed_->setValue(s.seed);
}

void TrainingPanel::setVariants(const QStringList& variants, int defaultEpochs) {
    variant_->clear();
    variant_->addItems(variants);
    epochs_->setValue(defaultEpochs);
}

void TrainingPanel::beginRun(const TrainingChartSetup& setup) {
    // Loss on a log axis; one λ line per group with the adjustment epoch marked.
    QChart* loss = newChart(lossView_, tr("Training loss and validation MSE"));
    trainLoss_ = new QLineSeries;
    trainLoss_->setName(tr("loss (MSE + λ·R)"));
    validation_ = new QLineSeries;
    validation_->setName(tr("validation MSE"));
    loss->addSeries(trainLoss_);
    loss->addSeries(validation_);
    auto* ly = logAxis(tr("loss"), 1e-5, 1e5);
    attachToAll(loss, epochAxis(setup.epochs), ly);

    QChart* lam = newChart(
        lambdaView_, setup.model == "per"
                         ? tr("Strength λ per group (adjusted at epoch %1)").arg(setup.adjustEpoch)
                         : tr("Strength λ per group (none: %1 is a baseline)").arg(setup.model));
    lambdas_.clear();
    for (const QString& g : setup.groups) {
        auto* s = new QLineSeries;
        s->setName(g);
        lam->addSeries(s);
        lambdas_.push_back(s);
    }
    auto* marker = new QLineSeries;
    marker->setName(tr("E_adj")); // the adjustment epoch
    marker->append(setup.adjustEpoch, 0);
    marker->append(setup.adjustEpoch, setup.initialLambda * 1.05);
    lam->addSeries(marker);
    lam->legend()->setAlignment(Qt::AlignRight); // one group per line: a row elides them all
    auto* ay = new QValueAxis;
    ay->setTitleText(tr("λ"));
    ay->setRange(0, setup.initialLambda * 1.05);
    ay->applyNiceNumbers();
    attachToAll(lam, epochAxis(setup.epochs), ay);

    table_->setRowCount(0);
    newChart(levelsView_, tr("Learned levels (after training)"));
    start_->setEnabled(false);
    stop_->setEnabled(true);
    pause_->setEnabled(true);
    explore_->setEnabled(false);
    status_->setText(tr("Training…"));
}

void TrainingPanel::addEpoch(int epoch, double trainLoss, double validationMse,
                             const std::vector<double>& lambdas) {
    if (!trainLoss_) return;
    trainLoss_->append(epoch, std::max(trainLoss, 1e-5)); // the log axis' floor
    validation_->append(epoch, std::max(validationMse, 1e-5));
    for (std::size_t j = 0; j < lambdas_.size() && j < lambdas.size(); ++j)
        lambdas_[j]->append(epoch, lambdas[j]);
}

void TrainingPanel::endRun(bool hasResult) {
    start_->setEnabled(true);
    stop_->setEnabled(false);
    pause_->setChecked(false);
    pause_->setEnabled(false);
    explore_->setEnabled(hasResult);
}

void TrainingPanel::showPaused(bool paused) {
    const QSignalBlocker quiet(pause_);
    pause_->setChecked(paused);
    pause_->setText(paused ? tr("Resume") : tr("Pause"));
}

void TrainingPanel::showLevels(const std::vector<LevelRow>& rows) {
    showLevelBars(rows);
    table_->setRowCount(static_cast<int>(rows.size()));
    for (std::size_t j = 0; j < rows.size(); ++j) {
        const LevelRow& r = rows[j];
        const QStringList cells = {r.group,
                                   QString::number(r.level, 'g', 4),
                                   QString::number(r.normalizedLevel, 'f', 3),
                                   QString::number(r.regularizer, 'e', 3),
                                   QString::number(r.modelError, 'e', 3),
                                   QString::number(r.trueError, 'e', 3)};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(static_cast<int>(j), c, new QTableWidgetItem(cells[c]));
    }
}

// Bars: the learned level λ_j / max λ per group; beside them (right axis, log) the
// equivariance error of the task's true function per group, the level the data really has.
void TrainingPanel::showLevelBars(const std::vector<LevelRow>& rows) {
    QChart* chart = newChart(levelsView_, tr("Learned level vs the true function's error"));
    auto* bars = new QBarSeries;
    auto* levels = new QBarSet(tr("learned level λ / max λ"));
    auto* truth = new QScatterSeries;
    truth->setName(tr("true function's equivariance error (right)"));
    truth->setMarkerSize(11);
    QStringList categories;
    constexpr double kFloor = 1e-6; // exact symmetries (error ~1e-16) sit on the axis floor
    for (std::size_t j = 0; j < rows.size(); ++j) {
        categories << rows[j].group;
        *levels << rows[j].normalizedLevel;
        truth->append(static_cast<double>(j), std::max(rows[j].trueError, kFloor));
    }
    bars->append(levels);
    chart->addSeries(bars);
    chart->addSeries(truth);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("candidate group (reference first)"));
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(tr("level (λ / max λ)"));
    auto* error = logAxis(tr("rel. error (log)"), kFloor, 1);
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    addAxis(chart, error, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(y);
    truth->attachAxis(x);
    truth->attachAxis(error);
}

void TrainingPanel::setStatus(const QString& text) {
    status_->setText(text);
}

QString TrainingPanel::statusText() const {
    return status_->text();
}

int TrainingPanel::plottedEpochs() const {
    return trainLoss_ ? static_cast<int>(trainLoss_->count()) : 0;
}

} // namespace equiscope::views
