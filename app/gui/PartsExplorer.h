#pragma once
// Drives the Parts dock (issue 7): asks the worker for the current model's partitions
// (apen::partitionView), registers part, uncertainty and piecewise-error colour quantities, moves
// one part alone through the exploration's part mode, and fills the uncertainty-error
// scatter after every part move or random per-part check.

#include "ColorQuantity.h"
#include "apen/PartitionView.h"
#include "groups/Piecewise.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace equiscope::views {
class PartsPanel;
class PointCloudLayer;
class TransformPanel;
} // namespace equiscope::views

namespace equiscope::gui {

class Exploration;

class PartsExplorer : public QObject {
    Q_OBJECT
  public:
    PartsExplorer(views::PartsPanel* panel, Exploration* exploration,
                  views::PointCloudLayer* points, views::TransformPanel* transform,
                  QObject* parent = nullptr);

    const apen::PartitionView* view() const { return view_ ? &*view_ : nullptr; }
    const std::vector<double>& pieceError() const { return pieceError_; }
    double spearmanRho() const { return rho_; }
    // The partition parts are moved by: the data's true parts, else the model's final one.
    const Partition& movableParts() const { return movable_; }

    // The names of the quantities the parts register with the points.
    static inline const QString kPredictedPart = QStringLiteral("predicted part");
    static inline const QString kTruePart = QStringLiteral("true part");
    static inline const QString kUncertainty = QStringLiteral("uncertainty");
    static inline const QString kPiecewiseError = QStringLiteral("piecewise error");

  Q_SIGNALS:
    void updated(); // a partition view or a piecewise error arrived

  private:
    void reset(); // a new sample or model
    void refresh();
    void registerQuantities();
    void moveChanged();
    void evaluateMove();
    void runCheck();
    void deliverErrors(std::vector<double> error);

    views::PartsPanel* panel_;
    Exploration* exploration_;
    views::PointCloudLayer* points_;
    views::TransformPanel* transform_;
    std::shared_ptr<const Sample> sample_;
    std::optional<apen::PartitionView> view_;
    Partition movable_;
    std::vector<double> pieceError_;
    double rho_ = 0;
    QTimer debounce_;
};

} // namespace equiscope::gui
