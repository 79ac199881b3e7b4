#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLogValueAxis>
#include <algorithm>
#include <cmath>

namespace equiscope::views {

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
    axis->setLabelFormat("%.0e");
    const double decades = std::log10(hi / lo);
    axis->setBase(std::pow(10.0, std::max(1.0, std::ceil(decades / 6))));
    axis->setRange(lo, hi);
    return axis;
}

} // namespace equiscope::views
