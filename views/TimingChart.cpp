#include "TimingChart.h"

#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace equiscope::views {

TimingChart::TimingChart(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    view_ = new QChartView(this);
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(180);
    layout->addWidget(view_);
    redraw();
}

void TimingChart::start(int lmaxTop, const QString& workload) {
    lmaxTop_ = std::max(1, lmaxTop);
    workload_ = workload;
    points_.clear();
    state_.clear();
    redraw();
}

void TimingChart::add(const TimingPoint& point) {
    points_.push_back(point);
    redraw();
}

void TimingChart::setState(const QString& state) {
    state_ = state;
    redraw();
}

QString TimingChart::title() const {
    QString t = tr("One tensor product L ⊗ L → L: Gaunt vs CG");
    if (!workload_.isEmpty()) t += " (" + workload_ + ")";
    if (!state_.isEmpty()) t += " — " + state_;
    return t;
}

void TimingChart::redraw() {
    QChart* chart = freshChart(view_, title());
    double lo = 1e300, hi = 0;
    const std::pair<double TimingPoint::*, QString> products[] = {
        {&TimingPoint::fft, tr("Gaunt (FFT)")},
        {&TimingPoint::grid, tr("Gaunt (sphere grid)")},
        {&TimingPoint::cg, tr("CG")}};
    std::vector<QLineSeries*> series;
    for (const auto& [member, name] : products) {
        auto* s = new QLineSeries;
        s->setName(name);
        s->setPointsVisible(true);
        for (const TimingPoint& p : points_)
            if (p.*member > 0) {
                s->append(p.lmax, p.*member);
                lo = std::min(lo, p.*member);
                hi = std::max(hi, p.*member);
            }
        chart->addSeries(s);
        series.push_back(s);
    }
    if (hi <= 0) lo = 1e-3, hi = 1e3;
    auto* x = new QValueAxis;
    x->setTitleText(tr("degree L of both inputs"));
    x->setRange(0.5, lmaxTop_ + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(1);
    x->setTickInterval(lmaxTop_ > 12 ? 2 : 1);
    x->setLabelFormat("%d");
    QLogValueAxis* y = logAxis(tr("time (ms)"), lo / 2, hi * 2);
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    for (QLineSeries* s : series) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace equiscope::views
