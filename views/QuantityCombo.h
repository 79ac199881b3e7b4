#pragma once
// The one control that picks what the points show: lists a registry's quantities as they
// come and go, follows what is shown, and shows what the user picks.

#include <QComboBox>

namespace equiscope::views {

class QuantityRegistry;

class QuantityCombo : public QComboBox {
    Q_OBJECT
  public:
    QuantityCombo(QuantityRegistry* registry, QWidget* parent = nullptr);

  private:
    void refill();
    void follow();

    QuantityRegistry* registry_;
};

} // namespace equiscope::views
