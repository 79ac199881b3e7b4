#include "PartsPanel.h"

#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSlider>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace equiscope::views {

PartsPanel::PartsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    status_ = new QLabel(tr("Apply a model that predicts a partition (apen, or a TorchScript "
                            "model with partition()) to see its parts."),
                         this);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    auto* form = new QFormLayout;
    auto* colours = new QLabel(tr("Colour the points by <i>predicted part</i>, <i>true "
                                  "part</i>, <i>uncertainty</i> (1 − max p of the partition "
                                  "below) or <i>piecewise error</i> in the toolbar's Colour by."),
                               this);
    colours->setWordWrap(true);
    layout->addWidget(colours);
    layer_ = new QSlider(Qt::Horizontal, this);
    layer_->setEnabled(false);
    layerName_ = new QLabel(this);
    layerName_->setWordWrap(true);
    form->addRow(tr("Partition"), layer_);
    form->addRow(QString(), layerName_);
    part_ = new QComboBox(this);
    form->addRow(tr("Part"), part_);
    move_ = new QCheckBox(tr("Move this part alone"), this);
    move_->setToolTip(tr("The Transform dock and object-mode drags then move this part only"));
    form->addRow(QString(), move_);
    layout->addLayout(form);
    check_ = new QPushButton(tr("Check 4 per-part motions"), this);
    check_->setToolTip(tr("PiecewiseE3: every part moves by its own random E(3) element"));
    layout->addWidget(check_);
    spearman_ = new QLabel(this);
    spearman_->setWordWrap(true);
    layout->addWidget(spearman_);
    scatter_ = new QChartView(this);
    scatter_->setMinimumHeight(220);
    scatter_->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(scatter_, 1);
    setScatter({}, {}, 0);

    connect(layer_, &QSlider::valueChanged, this, [this](int v) {
        layerName_->setText(v >= 0 && v < partitions_.size() ? partitions_[v] : QString());
        Q_EMIT partitionChanged();
    });
    connect(part_, &QComboBox::currentIndexChanged, this, &PartsPanel::moveChanged);
    connect(move_, &QCheckBox::toggled, this, &PartsPanel::moveChanged);
    connect(check_, &QPushButton::clicked, this, &PartsPanel::checkRequested);
}

void PartsPanel::setPartitions(const QStringList& names) {
    partitions_ = names;
    const QSignalBlocker block(layer_);
    layer_->setRange(0, std::max<int>(0, static_cast<int>(names.size()) - 1));
    layer_->setValue(layer_->maximum());
    layer_->setEnabled(names.size() > 1);
    layerName_->setText(names.isEmpty() ? QString() : names.back());
    check_->setEnabled(!names.isEmpty());
}

void PartsPanel::setMovableParts(const QStringList& names) {
    const QSignalBlocker block(part_);
    part_->clear();
    part_->addItems(names);
}

void PartsPanel::setStatus(const QString& text) {
    status_->setText(text);
}

void PartsPanel::setScatter(const std::vector<double>& uncertainty,
                            const std::vector<double>& error, double rho) {
    auto* chart = new QChart;
    auto* series = new QScatterSeries;
    series->setName(tr("nodes"));
    series->setMarkerSize(5);
    double xMax = 1e-3, yMin = 1e30, yMax = 0;
    scatterPoints_ = 0;
    for (std::size_t i = 0; i < std::min(uncertainty.size(), error.size()); ++i) {
        const double y = std::max(error[i], 1e-16); // a log axis needs a positive value
        series->append(uncertainty[i], y);
        xMax = std::max(xMax, uncertainty[i]);
        yMin = std::min(yMin, y);
        yMax = std::max(yMax, y);
        ++scatterPoints_;
    }
    chart->addSeries(series);
    auto* x = new QValueAxis;
    x->setTitleText(tr("uncertainty Σ(1 − max p) (dimensionless)"));
    x->setRange(0, xMax * 1.05);
    auto* y = logAxis(tr("piecewise error (relative, log)"), scatterPoints_ ? yMin / 2 : 1e-16,
                      scatterPoints_ ? yMax * 2 : 1);
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    chart->setTitle(scatterPoints_ ? tr("Uncertainty against piecewise error") : QString());
    QChart* old = scatter_->chart();
    scatter_->setChart(chart);
    delete old;
    double mean = 0;
    for (int i = 0; i < scatterPoints_; ++i)
        mean += error[static_cast<std::size_t>(i)] / scatterPoints_;
    spearman_->setText(scatterPoints_ ? tr("mean piecewise error %1; Spearman rank correlation "
                                           "ρ = %2 over %3 nodes")
                                            .arg(mean, 0, 'g', 6)
                                            .arg(rho, 0, 'f', 3)
                                            .arg(scatterPoints_)
                                      : QString());
}

int PartsPanel::partition() const {
    return layer_->value();
}
void PartsPanel::setPartition(int index) {
    layer_->setValue(index);
}
int PartsPanel::pickedPart() const {
    return part_->currentIndex();
}
bool PartsPanel::moving() const {
    return move_->isChecked();
}
void PartsPanel::setMoving(bool on) {
    move_->setChecked(on);
}
QString PartsPanel::partitionLabel() const {
    return layerName_->text();
}
QString PartsPanel::spearmanText() const {
    return spearman_->text();
}
int PartsPanel::scatterPoints() const {
    return scatterPoints_;
}

} // namespace equiscope::views
