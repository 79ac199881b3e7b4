#pragma once
// Gaunt against CG: the median time of one tensor product against the degree L, drawn as
// the benchmark runs (one point per degree per product, log time axis in ms), with the
// run's state ("4 of 12 degrees…", "stopped at L = 5") in the title.

#include <QString>
#include <QWidget>
#include <vector>

class QChartView;
class QLineSeries;

namespace equiscope::views {

struct TimingPoint {
    int lmax = 0;
    double fft = 0, grid = 0, cg = 0; // ms; 0: not measured
};

class TimingChart : public QWidget {
    Q_OBJECT
  public:
    explicit TimingChart(QWidget* parent = nullptr);

    // Starts an empty chart for degrees 1..lmaxTop of `workload` ("32 channels, float64, CPU").
    void start(int lmaxTop, const QString& workload);
    void add(const TimingPoint& point);
    void setState(const QString& state);
    const std::vector<TimingPoint>& points() const { return points_; }
    QString title() const;
    QChartView* view() const { return view_; }

  private:
    void redraw();

    QChartView* view_ = nullptr;
    std::vector<TimingPoint> points_;
    int lmaxTop_ = 12;
    QString workload_, state_;
};

} // namespace equiscope::views
