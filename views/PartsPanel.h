#pragma once
// The Parts dock (issue 7): for a model that predicts a partition — a slider over the model's
// partitions (APEN: the initial cells, each layer's, the final one); pick a part and move
// it alone with the Transform dock or object mode; and a scatter of per-node uncertainty
// against piecewise error with Spearman's rank correlation.

#include <QStringList>
#include <QWidget>
#include <vector>

class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

namespace equiscope::views {

class PartsPanel : public QWidget {
    Q_OBJECT
  public:
    explicit PartsPanel(QWidget* parent = nullptr);

    // The model's partitions, coarsest last; empty: no partition (the dock explains).
    void setPartitions(const QStringList& names);
    // The parts one can pick and move (true parts when the data has them, else predicted).
    void setMovableParts(const QStringList& names);
    void setStatus(const QString& text);
    // x: uncertainty, y: piecewise error, one point per node; the mean error and Spearman's
    // rho printed above.
    void setScatter(const std::vector<double>& uncertainty, const std::vector<double>& error,
                    double rho);

    int partition() const; // index into the partitions
    void setPartition(int index);
    int pickedPart() const;
    bool moving() const;
    void setMoving(bool on);
    QString spearmanText() const;
    QString partitionLabel() const; // the name under the slider
    int scatterPoints() const;

  Q_SIGNALS:
    void partitionChanged();
    void moveChanged(); // the part or the move toggle
    void checkRequested();

  private:
    QSlider* layer_ = nullptr;
    QLabel* layerName_ = nullptr;
    QComboBox* part_ = nullptr;
    QCheckBox* move_ = nullptr;
    QPushButton* check_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* spearman_ = nullptr;
    QChartView* scatter_ = nullptr;
    QStringList partitions_;
    int scatterPoints_ = 0;
};

} // namespace equiscope::views
