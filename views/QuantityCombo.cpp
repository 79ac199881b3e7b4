#include "QuantityCombo.h"

#include "QuantityRegistry.h"

#include <QSignalBlocker>

namespace equiscope::views {

QuantityCombo::QuantityCombo(QuantityRegistry* registry, QWidget* parent)
    : QComboBox(parent), registry_(registry) {
    setMinimumContentsLength(16);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setToolTip(tr("What the points are coloured by: the data's fields and every quantity a "
                  "model or a view computed"));
    connect(registry, &QuantityRegistry::listChanged, this, &QuantityCombo::refill);
    connect(registry, &QuantityRegistry::displayChanged, this, &QuantityCombo::follow);
    connect(this, &QComboBox::currentTextChanged, registry, [this](const QString& name) {
        if (!name.isEmpty()) registry_->show(name);
    });
    refill();
}

void QuantityCombo::refill() {
    const QSignalBlocker block(this);
    clear();
    addItems(registry_->names());
    follow();
}

void QuantityCombo::follow() {
    const QSignalBlocker block(this);
    setCurrentIndex(findText(registry_->shown()));
}

} // namespace equiscope::views
