#pragma once
// The look every chart of the app shares: a fresh chart with its legend at the right, and
// log axes whose ticks stay readable over many decades.

class QChart;
class QChartView;
class QLogValueAxis;
class QString;

namespace equiscope::views {

// Replaces the view's chart with an empty one titled `title` (the old one is deleted).
QChart* freshChart(QChartView* view, const QString& title);
// Ticks at powers of ten, or of 100 or 1000 when the values span many decades, so that
// at most about six labels share the axis and none is elided.
QLogValueAxis* logAxis(const QString& title, double lo, double hi);

} // namespace equiscope::views
