#include "FourierImage.h"

#include "Colormap.h"

#include <QPainter>
#include <algorithm>

namespace equiscope::views {

namespace {
constexpr int kTitleHeight = 30, kAxisMargin = 24, kBarWidth = 8, kBarGap = 5;

QColor viridis(double t) {
    const auto c = colormapColor(QStringLiteral("viridis"), std::clamp(t, 0.0, 1.0));
    return QColor::fromRgbF(static_cast<float>(c[0]), static_cast<float>(c[1]),
                            static_cast<float>(c[2]));
}
} // namespace

FourierImage::FourierImage(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FourierImage::setGrid(const QString& title, const Eigen::MatrixXcd& grid) {
    title_ = title;
    magnitudes_ = grid.cwiseAbs();
    peak_ = magnitudes_.size() ? magnitudes_.maxCoeff() : 0;
    update();
}

// A square plot left of the colour bar, below the title and the bar's top label, above the
// v-axis ticks (the bar's labels sit above and below it, so the plot keeps the width).
QRect FourierImage::plotRect() const {
    const int side = std::max(10, std::min(width() - kAxisMargin - kBarGap - kBarWidth - 4,
                                           height() - kTitleHeight - kAxisMargin));
    return {kAxisMargin, kTitleHeight, side, side};
}

QRect FourierImage::cellRect(int t, int v) const {
    const int n = static_cast<int>(magnitudes_.rows()), g = n / 2;
    const QRect plot = plotRect();
    if (n == 0) return {};
    const auto edge = [&](int k, int origin, int size) { return origin + k * size / n; };
    const int row = t + g, col = v + g;
    return QRect(QPoint(edge(col, plot.left(), plot.width()), edge(row, plot.top(), plot.height())),
                 QPoint(edge(col + 1, plot.left(), plot.width()) - 1,
                        edge(row + 1, plot.top(), plot.height()) - 1));
}

void FourierImage::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.drawText(QRect(0, 0, width(), kTitleHeight / 2 + 2), Qt::AlignCenter, title_);
    const QRect plot = plotRect();
    const int n = static_cast<int>(magnitudes_.rows()), g = n / 2;
    for (int t = -g; t <= g; ++t)
        for (int v = -g; v <= g; ++v)
            painter.fillRect(cellRect(t, v),
                             viridis(peak_ > 0 ? magnitudes_(t + g, v + g) / peak_ : 0));
    painter.setPen(palette().text().color());
    painter.drawRect(plot.adjusted(0, 0, -1, -1));
    if (n > 0) drawAxes(painter, plot);
    drawColourBar(painter, plot);
}

// Ticks at -L, 0 and L: t (the θ-frequency) down the left, v (the φ-frequency) along the bottom.
void FourierImage::drawAxes(QPainter& painter, const QRect& plot) const {
    const int g = static_cast<int>(magnitudes_.rows()) / 2;
    QFont small = painter.font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    painter.setFont(small);
    for (int k : {-g, 0, g}) {
        const QRect row = cellRect(k, -g), col = cellRect(-g, k);
        painter.drawText(QRect(0, row.center().y() - 8, kAxisMargin - 3, 16),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(k));
        painter.drawText(QRect(col.center().x() - 15, plot.bottom() + 2, 30, 12), Qt::AlignCenter,
                         QString::number(k));
    }
    painter.drawText(QRect(plot.left(), plot.bottom() + 12, plot.width(), 12), Qt::AlignCenter,
                     QStringLiteral("v"));
    painter.drawText(QRect(0, plot.center().y() - 7, 9, 14), Qt::AlignCenter, QStringLiteral("t"));
}

void FourierImage::drawColourBar(QPainter& painter, const QRect& plot) const {
    const QRect bar(plot.right() + kBarGap, plot.top(), kBarWidth, plot.height());
    for (int y = 0; y < bar.height(); ++y)
        painter.fillRect(QRect(bar.left(), bar.bottom() - y, bar.width(), 1),
                         viridis(static_cast<double>(y) / std::max(1, bar.height() - 1)));
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    // The range: |F| = max above the bar's top, 0 below its bottom, right-aligned to it.
    painter.drawText(QRect(0, kTitleHeight / 2, bar.right() + 1, kTitleHeight / 2),
                     Qt::AlignRight | Qt::AlignVCenter,
                     tr("|F| max %1").arg(QString::number(peak_, 'g', 3)));
    painter.drawText(QRect(bar.left() - 10, bar.bottom() + 2, bar.width() + 10, 12),
                     Qt::AlignRight | Qt::AlignTop, QStringLiteral("0"));
}

} // namespace equiscope::views
