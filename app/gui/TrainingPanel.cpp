#include "TrainingPanel.h"

#include "models/Device.h"
#include "soft_equivariance/Tasks.h"

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
#include <QMetaObject>
#include <QPointer>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

namespace equiscope::gui {

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

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    auto* controls = new QWidget(this);
    auto* form = new QFormLayout(controls);
    task_ = new QComboBox(controls);
    task_->addItems({"inertia", "cossim", "motion"});
    model_ = new QComboBox(controls);
    for (const auto& kind : per::perModelKinds()) model_->addItem(QString::fromStdString(kind));
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
    stop_->setEnabled(false);
    pause_ = new QPushButton(tr("Pause"), controls);
    pause_->setCheckable(true);
    pause_->setEnabled(false);
    explore_ = new QPushButton(tr("Explore this model"), controls);
    explore_->setEnabled(false);
    explore_->setToolTip(
        tr("Make the trained model current, on one input of the task, in the viewport"));
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
    buttons->addWidget(start_);
    buttons->addWidget(pause_);
    buttons->addWidget(stop_);
    buttons->addWidget(explore_);
    form->addRow(buttons);
    form->addRow(status_);
    layout->addWidget(controls);
    lossView_ = new QChartView(this);
    lambdaView_ = new QChartView(this);
    for (auto* v : {lossView_, lambdaView_}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumWidth(260);
        layout->addWidget(v, 2);
    }
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
    layout->addWidget(results, 3);

    connect(task_, &QComboBox::currentTextChanged, this, &TrainingPanel::fillVariants);
    connect(start_, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stop);
    connect(pause_, &QPushButton::toggled, this, &TrainingPanel::setPaused);
    connect(explore_, &QPushButton::clicked, this, &TrainingPanel::exploreRequested);
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<per::PerResult>>::finished, this, [this] {
        start_->setEnabled(true);
        stop_->setEnabled(false);
        pause_->setChecked(false);
        pause_->setEnabled(false);
        result_ = watcher_.result();
        explore_->setEnabled(result_ != nullptr);
        if (result_)
            showResult();
        else
            status_->setText(
                failure_->empty()
                    ? tr("Stopped.")
                    : tr("Training failed: %1").arg(QString::fromStdString(*failure_)));
        Q_EMIT finished(result_ != nullptr);
    });
    fillVariants();
    setConfig(per::PerConfig::defaultsFor("inertia"));
}

TrainingPanel::~TrainingPanel() {
    stop();
    watcher_.waitForFinished();
}

void TrainingPanel::fillVariants() {
    variant_->clear();
    if (task_->currentText() != "cossim")
        variant_->addItems({"z", "x", "y"}); // inertia's axis, motion's gravity axis
    else
        variant_->addItems({"so3-scale", "so3", "scale", "none"});
    const per::PerConfig defaults = per::PerConfig::defaultsFor(task_->currentText().toStdString());
    epochs_->setValue(defaults.epochs);
}

per::PerConfig TrainingPanel::config() const {
    per::PerConfig c = per::PerConfig::defaultsFor(task_->currentText().toStdString());
    c.variant = variant_->currentText().toStdString();
    c.model = model_->currentText().toStdString();
    c.device = device_->currentText().toStdString();
    c.epsilon = epsilon_->value();
    c.setEpochs(epochs_->value());
    c.seed = static_cast<uint64_t>(seed_->value());
    return c;
}

void TrainingPanel::setConfig(const per::PerConfig& c) {
    task_->setCurrentText(QString::fromStdString(c.task));
    model_->setCurrentText(QString::fromStdString(c.model));
    device_->setCurrentText(QString::fromStdString(c.device));
    if (!c.variant.empty()) variant_->setCurrentText(QString::fromStdString(c.variant));
    epsilon_->setValue(c.epsilon);
    epochs_->setValue(c.epochs);
    seed_->setValue(static_cast<int>(c.seed));
}

void TrainingPanel::start() {
    if (running()) return;
    running_ = config();
    groups_ = per::makeTask(running_.task, running_.variant, running_.epsilon)->groups();
    // Fresh charts: loss on a log axis, one lambda line per group, the adjustment epoch marked.
    QChart* loss = newChart(lossView_, tr("Training loss and validation MSE"));
    trainLoss_ = new QLineSeries;
    trainLoss_->setName(tr("loss (MSE + λ·R)"));
    validation_ = new QLineSeries;
    validation_->setName(tr("validation MSE"));
    loss->addSeries(trainLoss_);
    loss->addSeries(validation_);
    auto* lx = new QValueAxis;
    lx->setTitleText(tr("epoch"));
    lx->setRange(0, running_.epochs);
    auto* ly = new QLogValueAxis;
    ly->setTitleText(tr("loss"));
    ly->setLabelFormat("%.0e");
    ly->setRange(1e-5, 1e5);
    loss->addAxis(lx, Qt::AlignBottom);
    loss->addAxis(ly, Qt::AlignLeft);
    for (auto* s : loss->series()) s->attachAxis(lx), s->attachAxis(ly);

    QChart* lam =
        newChart(lambdaView_,
                 running_.model == "per"
                     ? tr("Strength λ per group (adjusted at epoch %1)").arg(running_.adjustEpoch)
                     : tr("Strength λ per group (none: %1 is a baseline)")
                           .arg(QString::fromStdString(running_.model)));
    lambdas_.clear();
    for (const auto& g : groups_) {
        auto* s = new QLineSeries;
        s->setName(QString::fromStdString(g));
        lam->addSeries(s);
        lambdas_.push_back(s);
    }
    auto* marker = new QLineSeries;
    marker->setName(tr("adjustment"));
    marker->append(running_.adjustEpoch, 0);
    marker->append(running_.adjustEpoch, running_.initialLambda * 1.05);
    lam->addSeries(marker);
    auto* ax = new QValueAxis;
    ax->setTitleText(tr("epoch"));
    ax->setRange(0, running_.epochs);
    auto* ay = new QValueAxis;
    ay->setTitleText(tr("λ"));
    ay->setRange(0, running_.initialLambda * 1.05);
    ay->applyNiceNumbers();
    lam->addAxis(ax, Qt::AlignBottom);
    lam->addAxis(ay, Qt::AlignLeft);
    for (auto* s : lam->series()) s->attachAxis(ax), s->attachAxis(ay);

    table_->setRowCount(0);
    newChart(levelsView_, tr("Learned levels (after training)"));
    start_->setEnabled(false);
    stop_->setEnabled(true);
    pause_->setEnabled(true);
    status_->setText(tr("Training…"));
    cancel_ = std::make_shared<CancelToken>();
    QPointer<TrainingPanel> self(this);
    const auto config = running_;
    const auto cancel = cancel_;
    failure_ = std::make_shared<std::string>();
    const auto failure = failure_;
    watcher_.setFuture(
        QtConcurrent::run([self, config, cancel, failure]() -> std::shared_ptr<per::PerResult> {
            try {
                // The trainer's message carries the epoch, the loss and the ETA.
                const Progress progress(
                    [self](double, const std::string& message) {
                        QMetaObject::invokeMethod(
                            self.data(),
                            [self, text = QString::fromStdString(message)] {
                                if (self && !self->paused()) self->status_->setText(text);
                            },
                            Qt::QueuedConnection);
                    },
                    cancel.get());
                return std::make_shared<per::PerResult>(
                    per::trainPer(config, progress, [self](const per::EpochLog& log) {
                        QMetaObject::invokeMethod(
                            self.data(),
                            [self, log] {
                                if (self) self->epochLogged(log);
                            },
                            Qt::QueuedConnection);
                    }));
            } catch (const Cancelled&) {
                return nullptr;
            } catch (const std::exception& e) {
                *failure = e.what(); // read after the future finishes
                return nullptr;
            }
        }));
}

void TrainingPanel::stop() {
    if (cancel_) cancel_->cancel();
}

void TrainingPanel::setPaused(bool paused) {
    if (!cancel_ || !running()) return;
    cancel_->setPaused(paused);
    pause_->setChecked(paused);
    pause_->setText(paused ? tr("Resume") : tr("Pause"));
    if (paused) status_->setText(tr("Paused after epoch %1.").arg(plottedEpochs()));
}

bool TrainingPanel::paused() const {
    return cancel_ && cancel_->paused();
}

void TrainingPanel::epochLogged(const per::EpochLog& log) {
    if (!trainLoss_) return;
    trainLoss_->append(log.epoch, std::max(log.trainLoss, 1e-5));
    validation_->append(log.epoch, std::max(log.validationMse, 1e-5));
    for (std::size_t j = 0; j < lambdas_.size() && j < log.lambdas.size(); ++j)
        lambdas_[j]->append(log.epoch, log.lambdas[j]);
}

void TrainingPanel::showResult() {
    const per::PerResult& r = *result_;
    showLevelBars(r);
    table_->setRowCount(static_cast<int>(r.groups.size()));
    for (std::size_t j = 0; j < r.groups.size(); ++j) {
        const int row = static_cast<int>(j);
        const QStringList cells = {QString::fromStdString(r.groups[j]),
                                   QString::number(r.levels[j], 'g', 4),
                                   QString::number(r.normalizedLevels[j], 'f', 3),
                                   QString::number(r.regularizers[j], 'e', 3),
                                   QString::number(r.equivarianceError[j], 'e', 3),
                                   QString::number(r.trueEquivarianceError[j], 'e', 3)};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    const QString score =
        r.testAde >= 0
            ? tr("test MSE %1, ADE %2").arg(r.testMse, 0, 'g', 4).arg(r.testAde, 0, 'g', 4)
            : tr("test MSE %1").arg(r.testMse, 0, 'g', 4);
    status_->setText(tr("Done in %1: %2 (model selected at epoch %3). The level column is the "
                        "learned symmetry level; compare it with the true error column.")
                         .arg(QString::fromStdString(formatDuration(r.seconds)), score)
                         .arg(r.bestEpoch));
}

// Bars: the learned level lambda_j / max lambda per group; beside them (right axis, log) the
// equivariance error of the task's true function per group, the level the data really has.
void TrainingPanel::showLevelBars(const per::PerResult& r) {
    QChart* chart = newChart(levelsView_, tr("Learned level vs the true function's error"));
    auto* bars = new QBarSeries;
    auto* levels = new QBarSet(tr("learned level λ / max λ"));
    auto* truth = new QScatterSeries;
    truth->setName(tr("true function's equivariance error (right)"));
    truth->setMarkerSize(11);
    QStringList categories;
    constexpr double kFloor = 1e-6; // exact symmetries (error ~1e-16) sit on the axis floor
    for (std::size_t j = 0; j < r.groups.size(); ++j) {
        categories << QString::fromStdString(r.groups[j]);
        *levels << r.normalizedLevels[j];
        truth->append(static_cast<double>(j), std::max(r.trueEquivarianceError[j], kFloor));
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
    auto* error = new QLogValueAxis;
    error->setRange(kFloor, 1);
    error->setLabelFormat("%.0e");
    error->setTitleText(tr("rel. error (log)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(error, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(y);
    truth->attachAxis(x);
    truth->attachAxis(error);
}

QString TrainingPanel::statusText() const {
    return status_->text();
}

int TrainingPanel::plottedEpochs() const {
    return trainLoss_ ? static_cast<int>(trainLoss_->count()) : 0;
}

} // namespace equiscope::gui
