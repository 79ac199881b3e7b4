#pragma once
// The tensor-product paths (l1, l2) -> l3 for one output degree l3, as a grid of l1 (rows)
// by l2 (columns): paths both the CG and the Gaunt product have (l1 + l2 + l3 even), paths
// only CG has (odd sum: the Gaunt coefficients vanish there), and no path (the triangle
// rule fails). Cells whose degrees both inputs carry are outlined. With a legend.

#include <QWidget>
#include <vector>

namespace equiscope::views {

class PathMask : public QWidget {
    Q_OBJECT
  public:
    enum class Cell { None, Both, CgOnly };
    struct Counts {
        int cg = 0, gaunt = 0; // paths over every l3 <= l3max
    };

    explicit PathMask(QWidget* parent = nullptr);

    // `used1[l]` / `used2[l]`: whether the first / second input has energy at degree l.
    void setDegrees(int l1max, int l2max, const std::vector<bool>& used1,
                    const std::vector<bool>& used2);
    void setOutputDegree(int l3);
    int outputDegree() const { return l3_; }

    static Cell cell(int l1, int l2, int l3);
    static Counts count(int l1max, int l2max, int l3max);
    static QColor color(Cell cell);
    QRect cellRect(int l1, int l2) const;
    QSize minimumSizeHint() const override { return {200, 150}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QRect plotRect() const;
    void drawLegend(QPainter& painter, const QRect& plot) const;

    int l1max_ = 0, l2max_ = 0, l3_ = 0;
    std::vector<bool> used1_, used2_;
};

} // namespace equiscope::views
