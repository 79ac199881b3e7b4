#include "ChartStyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLogValueAxis>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace equiscope::views {

namespace {

// The category axis' labels at the log axis' ticks (powers of its base within its range).
void relabel(QCategoryAxis* labels, const QLogValueAxis* axis) {
    for (const QString& l : labels->categoriesLabels()) labels->remove(l);
    const double lo = std::log10(axis->min()), hi = std::log10(axis->max());
    const int step = std::max(1, static_cast<int>(std::lround(std::log10(axis->base()))));
    labels->setStartValue(lo - 1e-9); // a label may sit on the axis' lower end
    // Under two decades of range, 2 and 5 times each decade too, so that a few ticks read.
    const bool fine = hi - lo < 2 && step == 1;
    for (int k = static_cast<int>(std::floor(lo)); k <= hi; ++k)
        for (const int m : {1, 2, 5}) {
            const double at = k + std::log10(m);
            if ((m == 1 || fine) && k % step == 0 && at >= lo - 1e-9 && at <= hi + 1e-9)
                labels->append(tickLabel(m, k), at);
        }
    labels->setRange(lo, hi);
}

} // namespace

QChart* freshChart(QChartView* view, const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignRight); // the plot keeps the height for its ticks
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    return chart;
}

QLogValueAxis* logAxis(const QString& title, double lo, double hi) {
    auto* axis = new QLogValueAxis;
    axis->setTitleText(title);
    const double decades = std::log10(hi / lo);
    axis->setBase(std::pow(10.0, std::max(1.0, std::ceil(decades / 6))));
    axis->setRange(lo, hi);
    return axis;
}

QString decadeLabel(int exponent) {
    return tickLabel(1, exponent);
}

QString tickLabel(int mantissa, int exponent) {
    if (exponent >= -2 && exponent <= 3)
        return QString::number(mantissa * std::pow(10.0, exponent), 'g', 6);
    return QStringLiteral("%1e%2").arg(mantissa).arg(exponent);
}

void addAxis(QChart* chart, QAbstractAxis* axis, Qt::Alignment side) {
    chart->addAxis(axis, side);
    auto* log = qobject_cast<QLogValueAxis*>(axis);
    if (!log) return;
    auto* labels = new QCategoryAxis;
    labels->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    labels->setTitleText(log->titleText());
    relabel(labels, log);
    log->setVisible(false); // its grid too: the category axis draws one at each label
    chart->addAxis(labels, side);
    QObject::connect(log, &QLogValueAxis::rangeChanged, labels,
                     [labels, log] { relabel(labels, log); });
    QObject::connect(log, &QLogValueAxis::baseChanged, labels,
                     [labels, log] { relabel(labels, log); });
}

QValueAxis* epochAxis(int epochs) {
    auto* axis = new QValueAxis;
    axis->setTitleText(QObject::tr("epoch"));
    axis->setRange(0, epochs);
    axis->setLabelFormat("%d"); // epochs are whole: "300", not "300.0"
    axis->applyNiceNumbers();
    return axis;
}

void attachToAll(QChart* chart, QAbstractAxis* x, QAbstractAxis* y) {
    addAxis(chart, x, Qt::AlignBottom);
    addAxis(chart, y, Qt::AlignLeft);
    for (auto* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
}

} // namespace equiscope::views
