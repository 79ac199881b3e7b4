#include "AugmentPanel.h"

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
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QValueAxis>
#include <algorithm>

namespace equiscope::views {

namespace {

QLineSeries* line(QChart* chart, const QString& name) {
    auto* s = new QLineSeries;
    s->setName(name);
    chart->addSeries(s);
    return s;
}

constexpr double kLossFloor = 1e-3, kLossTop = 10; // the loss chart's log range

} // namespace

AugmentPanel::AugmentPanel(const QStringList& models, QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildControls(models));
    auto* grid = new QGridLayout;
    gammaView_ = new QChartView(this);
    lossView_ = new QChartView(this);
    histogramView_ = new QChartView(this);
    levelsView_ = new QChartView(this);
    int cell = 0;
    for (auto* v : {gammaView_, lossView_, histogramView_, levelsView_}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumSize(260, 200);
        grid->addWidget(v, cell / 2, cell % 2);
        ++cell;
    }
    layout->addLayout(grid, 5);
    freshChart(gammaView_, tr("Learned invariance level γ per family"));
    freshChart(lossView_, tr("Clean and augmented loss against ε"));
    freshChart(histogramView_, tr("Sampled transformations (latest epoch)"));
    freshChart(levelsView_, tr("Learned levels (after training)"));
    connect(start_, &QPushButton::clicked, this, &AugmentPanel::startRequested);
    connect(stop_, &QPushButton::clicked, this, &AugmentPanel::stopRequested);
    connect(pause_, &QPushButton::toggled, this, &AugmentPanel::pauseToggled);
}

QWidget* AugmentPanel::buildControls(const QStringList& models) {
    auto* controls = new QWidget(this);
    auto* form = new QFormLayout(controls);
    model_ = new QComboBox(controls);
    model_->addItems(models);
    model_->setToolTip(tr("frame_averaging: PointNet with edge features over the proper PCA "
                          "frames, exactly rotation-invariant, sees handedness; pointnet: "
                          "invariant to nothing geometric; affine_mc: averaged over sampled "
                          "GL+(3) elements; affine_fa: exactly Aff(3)-invariant"));
    families_ = new QLineEdit("rotz,rot,reflect,scale,affine", controls);
    families_->setToolTip(tr("Transformation families, comma-separated: rotz, rot, reflect, "
                             "scale, affine"));
    device_ = new QComboBox(controls);
    device_->addItems({"cpu", "cuda", "auto"});
    device_->setToolTip(cudaAvailable() ? tr("auto: CUDA when available")
                                        : tr("LibTorch sees no CUDA device here"));
    epsilon_ = new QDoubleSpinBox(controls);
    epsilon_->setRange(0, 10);
    epsilon_->setDecimals(3);
    epsilon_->setSingleStep(0.05);
    epsilon_->setToolTip(tr("The constraint level: each family's augmented loss ≤ ε"));
    epochs_ = new QSpinBox(controls);
    epochs_->setRange(1, 100000);
    dualStart_ = new QSpinBox(controls);
    dualStart_->setRange(0, 100000);
    dualStart_->setToolTip(tr("Clean epochs before the constraints and their dual variables "
                              "start, so that they judge a model that fits the clean data"));
    seed_ = new QSpinBox(controls);
    seed_->setRange(0, 1 << 30);
    start_ = new QPushButton(tr("Start"), controls);
    stop_ = new QPushButton(tr("Stop"), controls);
    pause_ = new QPushButton(tr("Pause"), controls);
    pause_->setCheckable(true);
    for (auto* b : {stop_, pause_}) b->setEnabled(false);
    status_ = new QLabel(tr("Augmentation as a constraint per family: its dual variable γ "
                            "grows when the labels fight that invariance (a mirror swaps the "
                            "two helices)."),
                         controls);
    status_->setWordWrap(true);
    form->addRow(tr("Model"), model_);
    form->addRow(tr("Families"), families_);
    form->addRow(tr("ε (constraint)"), epsilon_);
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("Warm-up epochs"), dualStart_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Device"), device_);
    auto* buttons = new QHBoxLayout;
    for (auto* b : {start_, pause_, stop_}) buttons->addWidget(b);
    form->addRow(buttons);
    form->addRow(status_);
    controls->setMaximumWidth(330);
    return controls;
}

AugmentSettings AugmentPanel::settings() const {
    return {model_->currentText(), device_->currentText(), families_->text().remove(' '),
            epsilon_->value(),     epochs_->value(),       dualStart_->value(),
            seed_->value()};
}

void AugmentPanel::setSettings(const AugmentSettings& s) {
    model_->setCurrentText(s.model);
    device_->setCurrentText(s.device);
    families_->setText(s.families);
    epsilon_->setValue(s.epsilon);
    epochs_->setValue(s.epochs);
    dualStart_->setValue(s.dualStart);
    seed_->setValue(s.seed);
}

void AugmentPanel::beginRun(const std::vector<FamilyRange>& families, int epochs, double epsilon) {
    runFamilies_ = families;
    gammaTop_ = 0;
    gamma_.clear();
    augmented_.clear();
    QChart* gamma = freshChart(gammaView_, tr("Learned invariance level γ per family"));
    for (const FamilyRange& f : families) gamma_.push_back(line(gamma, f.name));
    auto* gy = new QValueAxis;
    gy->setTitleText(tr("γ (dual variable)"));
    gy->setRange(0, 1);
    attachToAll(gamma, epochAxis(epochs), gy);

    QChart* loss = freshChart(lossView_, tr("Clean and augmented loss against ε"));
    clean_ = line(loss, tr("clean"));
    clean_->setPen(QPen(Qt::darkGray, 2));
    for (std::size_t j = 0; j < families.size(); ++j) { // each family in its gamma colour
        augmented_.push_back(line(loss, families[j].name));
        augmented_.back()->setColor(gamma_[j]->color());
    }
    QLineSeries* level = line(loss, tr("ε"));
    level->setPen(QPen(Qt::black, 1.5, Qt::DashLine));
    level->append(0, std::clamp(epsilon, kLossFloor, kLossTop));
    level->append(epochs, std::clamp(epsilon, kLossFloor, kLossTop));
    attachToAll(loss, epochAxis(epochs), logAxis(tr("cross entropy (nats)"), kLossFloor, kLossTop));

    freshChart(histogramView_, tr("Sampled transformations (latest epoch)"));
    freshChart(levelsView_, tr("Learned levels (after training)"));
    start_->setEnabled(false);
    stop_->setEnabled(true);
    pause_->setEnabled(true);
    status_->setText(tr("Training…"));
}

void AugmentPanel::addEpoch(const AugmentEpoch& e) {
    if (!clean_) return;
    clean_->append(e.epoch, std::clamp(e.cleanLoss, kLossFloor, kLossTop));
    for (std::size_t j = 0; j < gamma_.size() && j < e.gamma.size(); ++j) {
        gamma_[j]->append(e.epoch, e.gamma[j]);
        gammaTop_ = std::max(gammaTop_, e.gamma[j]);
    }
    for (std::size_t j = 0; j < augmented_.size() && j < e.augmentedLoss.size(); ++j)
        augmented_[j]->append(e.epoch, std::clamp(e.augmentedLoss[j], kLossFloor, kLossTop));
    if (auto* axis = qobject_cast<QValueAxis*>(gammaView_->chart()->axes(Qt::Vertical).value(0))) {
        axis->setRange(0, std::max(gammaTop_ * 1.1, 1e-3));
        axis->applyNiceNumbers();
    }
    showHistogram(e);
}

// Grouped bars: per family, the share of its sampled transformations in each tenth of its
// magnitude range; the legend names the range and the acceptance rate.
void AugmentPanel::showHistogram(const AugmentEpoch& e) {
    QChart* chart =
        freshChart(histogramView_, tr("Sampled transformations (epoch %1)").arg(e.epoch + 1));
    auto* bars = new QBarSeries;
    std::size_t bins = 0;
    double top = 0;
    for (std::size_t j = 0; j < e.histograms.size() && j < runFamilies_.size(); ++j) {
        const auto& counts = e.histograms[j];
        bins = counts.size();
        int64_t total = 0;
        for (int64_t c : counts) total += c;
        QString name = runFamilies_[j].name + " " + runFamilies_[j].range;
        if (j < e.acceptance.size()) name += tr(", acc. %1").arg(e.acceptance[j], 0, 'f', 2);
        auto* set = new QBarSet(name);
        for (int64_t c : counts) {
            const double share =
                total > 0 ? static_cast<double>(c) / static_cast<double>(total) : 0;
            top = std::max(top, share);
            *set << share;
        }
        bars->append(set);
    }
    chart->addSeries(bars);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto* x = new QBarCategoryAxis;
    for (std::size_t b = 0; b < bins; ++b)
        x->append(QString::number(std::lround(100.0 * static_cast<double>(b) / bins)));
    x->setTitleText(tr("magnitude, % of the family's range"));
    x->setLabelsAngle(-90);
    auto* y = new QValueAxis;
    y->setRange(0, std::min(1.0, std::max(top * 1.15, 0.05)));
    y->applyNiceNumbers();
    y->setTitleText(tr("share"));
    attachToAll(chart, x, y);
}

void AugmentPanel::endRun() {
    start_->setEnabled(true);
    stop_->setEnabled(false);
    pause_->setChecked(false);
    pause_->setEnabled(false);
}

// As PER's level chart: bars of gamma / max gamma per family, and the raw gamma (right).
void AugmentPanel::showLevels(const std::vector<double>& levels,
                              const std::vector<double>& acceptance) {
    QChart* chart = freshChart(levelsView_, tr("Learned invariance levels (dual variables)"));
    const double top = levels.empty() ? 0 : *std::max_element(levels.begin(), levels.end());
    auto* bars = new QBarSeries;
    auto* normalized = new QBarSet(tr("level γ / max γ"));
    auto* raw = new QScatterSeries;
    raw->setName(tr("γ (right)"));
    raw->setMarkerSize(11);
    QStringList categories;
    for (std::size_t j = 0; j < levels.size() && j < runFamilies_.size(); ++j) {
        categories << runFamilies_[j].name;
        *normalized << (top > 0 ? levels[j] / top : 0.0);
        raw->append(static_cast<double>(j), levels[j]);
    }
    bars->append(normalized);
    chart->addSeries(bars);
    chart->addSeries(raw);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("transformation family"));
    auto* y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(tr("level (γ / max γ)"));
    auto* right = new QValueAxis;
    right->setRange(0, std::max(top * 1.1, 1e-3));
    right->applyNiceNumbers();
    right->setTitleText(tr("γ"));
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    addAxis(chart, right, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(y);
    raw->attachAxis(x);
    raw->attachAxis(right);
}

void AugmentPanel::showPaused(bool paused) {
    const QSignalBlocker quiet(pause_);
    pause_->setChecked(paused);
    pause_->setText(paused ? tr("Resume") : tr("Pause"));
}

void AugmentPanel::setStatus(const QString& text) {
    status_->setText(text);
}
QString AugmentPanel::statusText() const {
    return status_->text();
}
int AugmentPanel::plottedEpochs() const {
    return clean_ ? static_cast<int>(clean_->count()) : 0;
}

} // namespace equiscope::views
