#include "PathMask.h"

#include <QPainter>
#include <algorithm>
#include <cstdlib>

namespace equiscope::views {

namespace {
constexpr int kTitleHeight = 18, kAxisMargin = 30, kLegendWidth = 190;
} // namespace

PathMask::PathMask(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PathMask::setDegrees(int l1max, int l2max, const std::vector<bool>& used1,
                          const std::vector<bool>& used2) {
    l1max_ = l1max;
    l2max_ = l2max;
    used1_ = used1;
    used2_ = used2;
    update();
}

void PathMask::setOutputDegree(int l3) {
    l3_ = l3;
    update();
}

PathMask::Cell PathMask::cell(int l1, int l2, int l3) {
    if (l3 < std::abs(l1 - l2) || l3 > l1 + l2) return Cell::None;
    return (l1 + l2 + l3) % 2 ? Cell::CgOnly : Cell::Both;
}

PathMask::Counts PathMask::count(int l1max, int l2max, int l3max) {
    Counts c;
    for (int l1 = 0; l1 <= l1max; ++l1)
        for (int l2 = 0; l2 <= l2max; ++l2)
            for (int l3 = 0; l3 <= l3max; ++l3) {
                const Cell k = cell(l1, l2, l3);
                c.cg += k != Cell::None;
                c.gaunt += k == Cell::Both;
            }
    return c;
}

QColor PathMask::color(Cell cell) {
    switch (cell) {
    case Cell::Both:
        return QColor(76, 175, 80);
    case Cell::CgOnly:
        return QColor(255, 152, 0);
    case Cell::None:
        break;
    }
    return QColor(225, 225, 225);
}

QRect PathMask::plotRect() const {
    const int cols = l2max_ + 1, rows = l1max_ + 1;
    const int cellSize = std::max(4, std::min((width() - kAxisMargin - kLegendWidth - 8) / cols,
                                              (height() - kTitleHeight - kAxisMargin) / rows));
    return {kAxisMargin, kTitleHeight, cellSize * cols, cellSize * rows};
}

QRect PathMask::cellRect(int l1, int l2) const {
    const QRect plot = plotRect();
    const int size = plot.width() / (l2max_ + 1);
    return {plot.left() + l2 * size, plot.top() + l1 * size, size, size};
}

void PathMask::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRect plot = plotRect();
    painter.drawText(QRect(0, 0, plot.right() + 1, kTitleHeight), Qt::AlignCenter,
                     tr("paths (l1, l2) → l3 = %1").arg(l3_));
    const auto used = [](const std::vector<bool>& u, int l) {
        return l < static_cast<int>(u.size()) && u[static_cast<std::size_t>(l)];
    };
    for (int l1 = 0; l1 <= l1max_; ++l1)
        for (int l2 = 0; l2 <= l2max_; ++l2) {
            const QRect r = cellRect(l1, l2).adjusted(1, 1, -1, -1);
            const Cell k = cell(l1, l2, l3_);
            painter.fillRect(r, color(k));
            if (k == Cell::CgOnly) { // crossed out: Gaunt has no such path
                painter.setPen(QPen(Qt::black, 1));
                painter.drawLine(r.topLeft(), r.bottomRight());
                painter.drawLine(r.topRight(), r.bottomLeft());
            }
            if (k != Cell::None && used(used1_, l1) && used(used2_, l2)) {
                painter.setPen(QPen(palette().text().color(), 2));
                painter.drawRect(r.adjusted(1, 1, -1, -1));
            }
        }
    painter.setPen(palette().text().color());
    const int step = std::max(1, (std::max(l1max_, l2max_) + 1) / 8);
    for (int l = 0; l <= std::max(l1max_, l2max_); l += step) {
        if (l <= l1max_)
            painter.drawText(
                QRect(0, cellRect(l, 0).top(), kAxisMargin - 4, cellRect(l, 0).height()),
                Qt::AlignRight | Qt::AlignVCenter, QString::number(l));
        if (l <= l2max_)
            painter.drawText(
                QRect(cellRect(0, l).left(), plot.bottom() + 2, cellRect(0, l).width(), 14),
                Qt::AlignCenter, QString::number(l));
    }
    painter.drawText(QRect(plot.left(), plot.bottom() + 15, plot.width(), 14), Qt::AlignCenter,
                     tr("l2 (second input)"));
    painter.save();
    painter.translate(9, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRect(-plot.height() / 2, -7, plot.height(), 14), Qt::AlignCenter,
                     tr("l1 (first)"));
    painter.restore();
    drawLegend(painter, plot);
}

void PathMask::drawLegend(QPainter& painter, const QRect& plot) const {
    const std::pair<Cell, QString> entries[] = {{Cell::Both, tr("CG and Gaunt")},
                                                {Cell::CgOnly, tr("CG only (l1+l2+l3 odd)")},
                                                {Cell::None, tr("no path (triangle)")}};
    int y = plot.top();
    for (const auto& [k, text] : entries) {
        const QRect swatch(plot.right() + 10, y, 14, 14);
        painter.fillRect(swatch, color(k));
        painter.drawText(QRect(swatch.right() + 5, y, kLegendWidth - 24, 14),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
        y += 20;
    }
    painter.setPen(QPen(palette().text().color(), 2));
    painter.drawRect(QRect(plot.right() + 11, y + 1, 12, 12));
    painter.drawText(QRect(plot.right() + 29, y, kLegendWidth - 24, 14),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("used by these inputs"));
}

} // namespace equiscope::views
