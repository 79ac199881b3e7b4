#pragma once
// The magnitude |F[t, v]| of a spherical function's 2D Fourier grid (methods.md §6) as an
// image: rows the θ-frequency t, columns the φ-frequency v (axes named t and v; the panel
// says what they are), both -L..L with ticks; a
// viridis colour bar with its range beside it; the title above.

#include <Eigen/Core>
#include <QWidget>

namespace equiscope::views {

class FourierImage : public QWidget {
    Q_OBJECT
  public:
    explicit FourierImage(QWidget* parent = nullptr);

    void setGrid(const QString& title, const Eigen::MatrixXcd& grid);
    const Eigen::MatrixXd& magnitudes() const { return magnitudes_; }
    // The cell the grid's (t, v) is drawn in, in widget coordinates (for tests).
    QRect cellRect(int t, int v) const;
    QSize minimumSizeHint() const override { return {120, 110}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    QRect plotRect() const;
    void drawAxes(QPainter& painter, const QRect& plot) const;
    void drawColourBar(QPainter& painter, const QRect& plot) const;

    QString title_;
    Eigen::MatrixXd magnitudes_;
    double peak_ = 0;
};

} // namespace equiscope::views
