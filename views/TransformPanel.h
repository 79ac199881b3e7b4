#pragma once
// The transform dock: a group, its parameters as sliders with spin boxes (angles in
// degrees, scales on a log slider), random element, reset, and a stack of applied
// transforms that can be reordered (drag) or removed. The element shown is the stack
// (first entry applied first) followed by the current transform.

#include "groups/Transform.h"

#include <QWidget>
#include <random>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QScrollArea;
class QListWidget;
class QSlider;

namespace equiscope::views {

class TransformPanel : public QWidget {
    Q_OBJECT
  public:
    explicit TransformPanel(QWidget* parent = nullptr);

    void setContext(const SampleContext& context) { context_ = context; }
    const SampleContext& context() const { return context_; }

    Transform current() const;
    std::vector<Transform> stack() const;
    GroupElement element() const;

    void setCurrent(const Transform& transform); // selects its group too
    void setStack(const std::vector<Transform>& stack);
    // Object mode: shows `element` as the current group's parameters (best effort).
    void setFromElement(const GroupElement& element);
    void randomize();
    void reset();
    void pushCurrent();
    QComboBox* groupCombo() const { return group_; }

  Q_SIGNALS:
    void changed();
    void animateRequested();

  private:
    void rebuildParameters();
    // All parameter rows where there is room; at least eight, the rest scrolled, where not.
    void fitParameterRows();
    void setValues(const std::vector<double>& values);
    int toSlider(std::size_t i, double value) const;
    double fromSlider(std::size_t i, int position) const;

    QComboBox* group_ = nullptr;
    QFormLayout* form_ = nullptr;
    QWidget* parameterBox_ = nullptr;
    QScrollArea* parameterScroll_ = nullptr;
    QListWidget* stackList_ = nullptr;
    std::vector<ParameterSpec> specs_;
    std::vector<QSlider*> sliders_;
    std::vector<QDoubleSpinBox*> spins_;
    SampleContext context_;
    std::mt19937_64 rng_{12345};
    bool updating_ = false;
};

} // namespace equiscope::views
