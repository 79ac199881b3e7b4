#include "ErrorStrip.h"

#include "Colormap.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace equiscope::views {

ErrorStrip::ErrorStrip(QWidget* parent) : QWidget(parent) {
    setFixedHeight(8);
    hide();
}

void ErrorStrip::setValues(std::vector<double> values, int inset) {
    values_ = std::move(values);
    inset_ = inset;
    bool any = false;
    for (double v : values_) {
        if (!(v > 0) || !std::isfinite(v)) continue;
        const double l = std::log10(v);
        lo_ = any ? std::min(lo_, l) : l;
        hi_ = any ? std::max(hi_, l) : l;
        any = true;
    }
    setVisible(!values_.empty());
    update();
}

QColor ErrorStrip::colorOf(int frame) const {
    const double v = values_.at(static_cast<std::size_t>(frame));
    if (!std::isfinite(v)) return QColor(150, 150, 150);
    const double t = !(v > 0) || hi_ <= lo_ ? 0.0 : (std::log10(v) - lo_) / (hi_ - lo_);
    const auto c = colormapColor(QStringLiteral("viridis"), std::clamp(t, 0.0, 1.0));
    return QColor::fromRgbF(static_cast<float>(c[0]), static_cast<float>(c[1]),
                            static_cast<float>(c[2]));
}

void ErrorStrip::paintEvent(QPaintEvent*) {
    if (values_.empty()) return;
    QPainter painter(this);
    const double width = std::max(1, this->width() - 2 * inset_);
    const auto n = static_cast<double>(values_.size());
    for (std::size_t k = 0; k < values_.size(); ++k) {
        const int x0 = inset_ + static_cast<int>(std::floor(width * static_cast<double>(k) / n));
        const int x1 = inset_ + static_cast<int>(std::ceil(width * static_cast<double>(k + 1) / n));
        painter.fillRect(x0, 0, std::max(1, x1 - x0), height(), colorOf(static_cast<int>(k)));
    }
}

} // namespace equiscope::views
