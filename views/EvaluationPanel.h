#pragma once
// The evaluation readout: mean and max error of the current element, the element's matrix,
// how long the evaluation took, and a caption that says what the colours mean.

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
    void showResult(double meanError, double maxError, double seconds, const GroupElement& element,
                    bool stale);
    void showMessage(const QString& message);
    QString text() const;

    bool logScale() const;
    bool rangeLocked() const;
    std::pair<double, double> lockedRange() const;
    void setLogScale(bool on);
    void setLockedRange(bool locked, double lo, double hi);

  Q_SIGNALS:
    void scaleChanged(); // log scale or range lock changed

  private:
    QLabel* numbers_ = nullptr;
    QLabel* caption_ = nullptr;
    QCheckBox* log_ = nullptr;
    QCheckBox* lock_ = nullptr;
    QDoubleSpinBox* lo_ = nullptr;
    QDoubleSpinBox* hi_ = nullptr;
};

} // namespace equiscope::views
