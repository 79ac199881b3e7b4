#pragma once
// A thin strip of colours, one cell per frame, under the timeline's scrubber: a scan's
// per-frame error on viridis over the log of its range (grey: a frame without a value),
// so the frames where a model breaks stand out along the time axis.

#include <QColor>
#include <QWidget>
#include <vector>

namespace equiscope::views {

class ErrorStrip : public QWidget {
    Q_OBJECT
  public:
    explicit ErrorStrip(QWidget* parent = nullptr);

    // One value per frame (NaN: none); empty hides the strip. `inset` is the scrubber's
    // margin at each end, so that cell k sits under the handle's position at frame k.
    void setValues(std::vector<double> values, int inset);
    const std::vector<double>& values() const { return values_; }
    double logLow() const { return lo_; } // log10 of the smallest positive value
    double logHigh() const { return hi_; }
    QColor colorOf(int frame) const;

    QSize sizeHint() const override { return {200, 8}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    std::vector<double> values_;
    double lo_ = 0, hi_ = 0;
    int inset_ = 0;
};

} // namespace equiscope::views
