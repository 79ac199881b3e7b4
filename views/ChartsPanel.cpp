#include "ChartsPanel.h"

#include "ChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace equiscope::views {

namespace {

// Errors often span decades (1e-8 next to 1e-1): then a log axis over the positive values
// (exact zeros drawn at its floor); within three decades of values above 1e-3 a linear
// axis from 0.
QAbstractAxis* errorAxis(const QString& title, const std::vector<double>& values) {
    double lo = 1e300, hi = 0;
    for (double v : values)
        if (v > 1e-15 && std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (hi <= 0 || (hi / lo < 1e3 && hi > 1e-3)) {
        auto* axis = new QValueAxis;
        axis->setTitleText(title);
        axis->setRange(0, hi > 0 ? hi * 1.05 : 1.0);
        axis->setLabelFormat("%.3g");
        return axis;
    }
    return logAxis(title, lo / 2, hi * 2);
}

// Where a log axis cannot show zero.
double floorForLog(double v) {
    return std::max(v, 1e-16);
}

} // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    layout->addWidget(tabs_);
    const char* names[4] = {"Sweep", "Profile", "Lie derivative", "Histogram"};
    for (int c = 0; c < 4; ++c) {
        auto* page = new QWidget(tabs_);
        auto* v = new QVBoxLayout(page);
        auto* bar = new QHBoxLayout;
        if (c == SweepChart) {
            axis_ = new QLineEdit(QStringLiteral("0,0,1"), page);
            axis_->setMaximumWidth(90);
            axis_->setToolTip(tr("Axis of the rotation or translation to sweep"));
            steps_ = new QSpinBox(page);
            steps_->setRange(2, 721);
            steps_->setValue(73);
            auto* run = new QPushButton(tr("Run sweep"), page);
            bar->addWidget(new QLabel(tr("axis"), page));
            bar->addWidget(axis_);
            bar->addWidget(new QLabel(tr("steps"), page));
            bar->addWidget(steps_);
            bar->addWidget(run);
            connect(run, &QPushButton::clicked, this, &ChartsPanel::sweepRequested);
        } else if (c == ProfileChart) {
            auto* run = new QPushButton(tr("Run profile"), page);
            bar->addWidget(run);
            connect(run, &QPushButton::clicked, this, &ChartsPanel::profileRequested);
        } else if (c == LieChart) {
            auto* run = new QPushButton(tr("Compute Lie derivatives"), page);
            bar->addWidget(run);
            connect(run, &QPushButton::clicked, this, &ChartsPanel::lieRequested);
        }
        bar->addStretch(1);
        auto* png = new QPushButton(tr("PNG…"), page);
        auto* csv = new QPushButton(tr("CSV…"), page);
        bar->addWidget(png);
        bar->addWidget(csv);
        v->addLayout(bar);
        views_[c] = new QChartView(page);
        views_[c]->setRenderHint(QPainter::Antialiasing);
        views_[c]->setMinimumHeight(240); // room for tick labels and titles
        v->addWidget(views_[c], 1);
        tabs_->addTab(page, tr(names[c]));
        const auto chart = static_cast<Chart>(c);
        connect(png, &QPushButton::clicked, this, [this, chart] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), "chart.png",
                                                              tr("PNG (*.png)"));
            if (!path.isEmpty()) exportPng(chart, path);
        });
        connect(csv, &QPushButton::clicked, this, [this, chart] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export data"), "chart.csv",
                                                              tr("CSV (*.csv)"));
            if (!path.isEmpty()) exportCsv(chart, path);
        });
    }
}

void ChartsPanel::setSweep(const SweepReport& r, double current, const QString& state) {
    const QString title =
        tr("Error along %1 (%2)")
            .arg(QString::fromStdString(r.group), QString::fromStdString(r.generator));
    QChart* chart = freshChart(views_[SweepChart], state.isEmpty() ? title : title + " — " + state);
    auto* mean = new QLineSeries;
    mean->setName(tr("mean over nodes"));
    auto* max = new QLineSeries;
    max->setName(tr("max over nodes"));
    csv_[SweepChart] = {
        QStringLiteral("parameter (%1),mean_error,max_error").arg(QString::fromStdString(r.unit))};
    double nearest = 0, best = 1e300, nearestValue = 1e-16;
    for (const auto& p : r.points) {
        mean->append(p.parameter, floorForLog(p.meanError));
        max->append(p.parameter, floorForLog(p.maxError));
        csv_[SweepChart] << QStringLiteral("%1,%2,%3")
                                .arg(p.parameter, 0, 'g', 10)
                                .arg(p.meanError, 0, 'g', 10)
                                .arg(p.maxError, 0, 'g', 10);
        if (std::abs(p.parameter - current) < best)
            best = std::abs(p.parameter - current), nearest = p.parameter,
            nearestValue = p.meanError;
    }
    auto* marker = new QScatterSeries;
    marker->setName(tr("current element"));
    marker->setMarkerSize(11);
    marker->append(nearest, floorForLog(nearestValue));
    for (auto* s : std::initializer_list<QXYSeries*>{mean, max, marker}) chart->addSeries(s);
    auto* x = new QValueAxis;
    x->setTitleText(
        tr("%1 (%2)").arg(QString::fromStdString(r.generator), QString::fromStdString(r.unit)));
    x->setLabelFormat("%.4g");
    std::vector<double> all;
    for (const auto& p : r.points) all.insert(all.end(), {p.meanError, p.maxError});
    auto* y = errorAxis(tr("error (relative)"), all);
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    for (auto* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    show(SweepChart);
}

void ChartsPanel::setBars(Chart which, const QString& title, const QString& series,
                          const QString& xTitle, const QString& yTitle,
                          const QStringList& categories, const std::vector<double>& values) {
    QChart* chart = freshChart(views_[which], title);
    auto* set = new QBarSet(series);
    for (double v : values) *set << floorForLog(v);
    auto* bars = new QBarSeries;
    bars->append(set);
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(xTitle);
    if (categories.size() > 6) x->setLabelsAngle(-35); // group names whole, not "SO2..."
    auto* y = errorAxis(yTitle, values);
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    show(which);
    Q_EMIT barsChanged(which);
}

void ChartsPanel::setProfile(const std::vector<ErrorReport>& reports, const QString& state) {
    QStringList groups;
    std::vector<double> means;
    csv_[ProfileChart] = {QStringLiteral("group,samples,mean_error,max_error")};
    for (const auto& r : reports) {
        groups << QString::fromStdString(r.group);
        means.push_back(r.meanError);
        csv_[ProfileChart] << QStringLiteral("%1,%2,%3,%4")
                                  .arg(QString::fromStdString(r.group))
                                  .arg(r.samples)
                                  .arg(r.meanError, 0, 'g', 10)
                                  .arg(r.maxError, 0, 'g', 10);
    }
    const QString title = tr("Symmetry profile: mean error per group");
    setBars(ProfileChart, state.isEmpty() ? title : title + " — " + state, tr("mean error"),
            tr("group"), tr("mean error (relative)"), groups, means);
}

void ChartsPanel::setLie(const std::vector<LieReport>& reports, const QString& group,
                         const QString& state) {
    QStringList names;
    std::vector<double> norms;
    csv_[LieChart] = {QStringLiteral("generator,mean_norm,relative_norm")};
    for (const auto& r : reports) {
        names << QString::fromStdString(r.generator);
        norms.push_back(r.relativeNorm);
        csv_[LieChart] << QStringLiteral("%1,%2,%3")
                              .arg(QString::fromStdString(r.generator))
                              .arg(r.meanNorm, 0, 'g', 10)
                              .arg(r.relativeNorm, 0, 'g', 10);
    }
    const QString title = tr("Lie derivative per generator of %1 (float64)").arg(group);
    setBars(LieChart, state.isEmpty() ? title : title + " — " + state, tr("|L_X f| / mean |f|"),
            tr("generator"), tr("|L_X f| (relative)"), names, norms);
}

void ChartsPanel::setHistogram(const std::vector<double>& errors) {
    QChart* chart = freshChart(views_[HistogramChart], tr("Per-node error of the current element"));
    // Log-spaced bins from the smallest positive error to the largest.
    double lo = 1e300, hi = 0;
    for (double e : errors)
        if (e > 0 && std::isfinite(e)) lo = std::min(lo, e), hi = std::max(hi, e);
    csv_[HistogramChart] = {QStringLiteral("bin_low,bin_high,nodes")};
    if (hi <= 0) return;
    if (hi <= lo) hi = lo * 10;
    constexpr int kBins = 30;
    std::vector<int> counts(kBins, 0);
    int zeros = 0;
    const double a = std::log10(lo), b = std::log10(hi);
    for (double e : errors) {
        if (!(e > 0)) {
            ++zeros;
            continue;
        }
        const int bin =
            std::clamp(static_cast<int>((std::log10(e) - a) / (b - a) * kBins), 0, kBins - 1);
        ++counts[static_cast<std::size_t>(bin)];
    }
    auto* series = new QLineSeries;
    series->setName(tr("nodes per bin (%1 exactly zero)").arg(zeros));
    for (int i = 0; i < kBins; ++i) {
        const double l = std::pow(10.0, a + (b - a) * i / kBins),
                     h = std::pow(10.0, a + (b - a) * (i + 1) / kBins);
        series->append(l, 0);
        series->append(l, counts[static_cast<std::size_t>(i)]);
        series->append(h, counts[static_cast<std::size_t>(i)]);
        series->append(h, 0);
        csv_[HistogramChart] << QStringLiteral("%1,%2,%3")
                                    .arg(l, 0, 'g', 8)
                                    .arg(h, 0, 'g', 8)
                                    .arg(counts[static_cast<std::size_t>(i)]);
    }
    chart->addSeries(series);
    auto* x = logAxis(tr("node error (relative)"), lo, hi); // the bins are log-spaced
    auto* y = new QValueAxis;
    y->setTitleText(tr("nodes"));
    y->setLabelFormat("%d");
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

QString ChartsPanel::sweepAxis() const {
    return axis_->text();
}
int ChartsPanel::sweepSteps() const {
    return steps_->value();
}
void ChartsPanel::show(Chart chart) {
    tabs_->setCurrentIndex(chart);
}

bool ChartsPanel::exportPng(Chart chart, const QString& path) const {
    QSaveFile out(path);
    const QPixmap image = views_[chart]->grab();
    if (image.isNull() || !out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG")) return false;
    return out.commit();
}

bool ChartsPanel::exportCsv(Chart chart, const QString& path) const {
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) return false;
    QTextStream s(&out);
    for (const QString& line : csv_[chart]) s << line << "\n";
    s.flush();
    return out.commit();
}

int ChartsPanel::seriesPoints(Chart chart) const {
    int n = 0;
    if (!views_[chart]->chart()) return 0;
    for (auto* s : views_[chart]->chart()->series())
        if (auto* xy = qobject_cast<QXYSeries*>(s))
            n += static_cast<int>(xy->count());
        else if (auto* bars = qobject_cast<QBarSeries*>(s))
            n += bars->count() ? static_cast<int>(bars->barSets().front()->count()) : 0;
    return n;
}

} // namespace equiscope::views
