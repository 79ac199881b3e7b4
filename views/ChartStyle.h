#pragma once
// The look every chart of the app shares: a fresh chart with its legend at the right, and
// log axes whose ticks stay readable over many decades.

#include <Qt>

class QAbstractAxis;
class QChart;
class QChartView;
class QLogValueAxis;
class QString;
class QValueAxis;

namespace equiscope::views {

// Replaces the view's chart with an empty one titled `title` (the old one is deleted).
QChart* freshChart(QChartView* view, const QString& title);
// Ticks at powers of ten, or of 100 or 1000 when the values span many decades, so that
// at most about six labels share the axis and none is elided.
QLogValueAxis* logAxis(const QString& title, double lo, double hi);
// A decade's label: "1e-7", or the plain number from 0.01 to 1000.
QString decadeLabel(int exponent);
// mantissa × 10^exponent the same way: "2e-7", "0.05", "500".
QString tickLabel(int mantissa, int exponent);
// chart->addAxis, except that a log axis is labelled by decadeLabel (Qt's own labels are
// printf's, "1e-07"): it is hidden behind a category axis over log10 of its range, which
// follows its range as it changes.
void addAxis(QChart* chart, QAbstractAxis* axis, Qt::Alignment side);
// A training chart's x axis: "epoch", 0..epochs, whole-number labels.
QValueAxis* epochAxis(int epochs);
// addAxis for x (bottom) and y (left), then every series of the chart attached to both.
void attachToAll(QChart* chart, QAbstractAxis* x, QAbstractAxis* y);

} // namespace equiscope::views
