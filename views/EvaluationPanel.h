#pragma once
// The evaluation readout: mean and max error of the current element, the element's matrix,
// how long the evaluation took, the colour scale's settings (log, locked range, the
// round-off floor) and a caption that says what the colours mean.

#include "groups/GroupElement.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace equiscope::views {

class EvaluationPanel : public QWidget {
    Q_OBJECT
  public:
    explicit EvaluationPanel(QWidget* parent = nullptr);
    // `note` qualifies the numbers: "updating…", a preview's extent; empty for a final result.
    void showResult(double meanError, double maxError, double seconds, const GroupElement& element,
                    const QString& note);
    void showMessage(const QString& message);
    QString text() const;

    // How many of `nodes` lie under the round-off floor `tolerance` of `dtype`; the caption
    // says so ("exact to round-off"). A negative count clears it.
    void showRoundOff(int64_t exact, int64_t nodes, double tolerance, const QString& dtype);
    QString caption() const;

    bool logScale() const;
    // Off by default: errors under the dtype's round-off tolerance are drawn in one colour.
    bool fullRange() const;
    void setFullRange(bool on);
    bool rangeLocked() const;
    std::pair<double, double> lockedRange() const;
    void setLogScale(bool on);
    void setLockedRange(bool locked, double lo, double hi);

    // The height its wrapped captions need at the current width: a dock never cuts them.
    QSize minimumSizeHint() const override;

  Q_SIGNALS:
    void scaleChanged(); // log scale or range lock changed

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    QLabel* numbers_ = nullptr;
    QLabel* matrix_ = nullptr;
    QLabel* caption_ = nullptr;
    QLabel* roundOff_ = nullptr;
    QCheckBox* log_ = nullptr;
    QCheckBox* full_ = nullptr;
    QCheckBox* lock_ = nullptr;
    QDoubleSpinBox* lo_ = nullptr;
    QDoubleSpinBox* hi_ = nullptr;
};

} // namespace equiscope::views
