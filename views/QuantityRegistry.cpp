#include "QuantityRegistry.h"

#include <algorithm>

namespace equiscope::views {

const ColorQuantity* QuantityRegistry::find(const QString& name) const {
    const auto it = std::find_if(quantities_.begin(), quantities_.end(),
                                 [&](const ColorQuantity& q) { return q.name == name; });
    return it == quantities_.end() ? nullptr : &*it;
}

ColorQuantity* QuantityRegistry::findMutable(const QString& name) {
    return const_cast<ColorQuantity*>(find(name));
}

void QuantityRegistry::put(ColorQuantity quantity) {
    const QString name = quantity.name;
    if (ColorQuantity* old = findMutable(name)) {
        *old = std::move(quantity);
        if (name == shown_) Q_EMIT displayChanged();
        return;
    }
    quantities_.push_back(std::move(quantity));
    Q_EMIT listChanged();
    if (name == wanted_) return show(name);
    fallBackIfGone();
}

void QuantityRegistry::replaceOwned(const QString& owner, std::vector<ColorQuantity> quantities) {
    quantities_.erase(std::remove_if(quantities_.begin(), quantities_.end(),
                                     [&](const ColorQuantity& q) { return q.owner == owner; }),
                      quantities_.end());
    for (ColorQuantity& q : quantities) {
        q.owner = owner;
        quantities_.push_back(std::move(q));
    }
    Q_EMIT listChanged();
    if (find(wanted_)) return show(wanted_);
    if (current()) Q_EMIT displayChanged();
    fallBackIfGone();
}

void QuantityRegistry::removeOwned(const QString& owner) {
    const auto before = quantities_.size();
    quantities_.erase(std::remove_if(quantities_.begin(), quantities_.end(),
                                     [&](const ColorQuantity& q) { return q.owner == owner; }),
                      quantities_.end());
    if (quantities_.size() == before) return;
    Q_EMIT listChanged();
    fallBackIfGone();
}

void QuantityRegistry::show(const QString& name) {
    if (!find(name)) {
        wanted_ = name;
        return;
    }
    wanted_.clear();
    if (name == shown_) return;
    shown_ = name;
    Q_EMIT displayChanged();
}

QStringList QuantityRegistry::names() const {
    QStringList out;
    for (const ColorQuantity& q : quantities_) out << q.name;
    return out;
}

void QuantityRegistry::setColormap(const QString& colormap) {
    ColorQuantity* q = findMutable(shown_);
    if (!q || q->colormap == colormap) return;
    q->colormap = colormap;
    Q_EMIT displayChanged();
}

void QuantityRegistry::fallBackIfGone() {
    if (current() || quantities_.empty()) return;
    shown_ = quantities_.front().name;
    Q_EMIT displayChanged();
}

} // namespace equiscope::views
