#pragma once
// Drives the Spherical functions view (issue 15): builds the two input signals, turns them by
// the rotation part of the Transform dock's element, computes their Gaunt product and its
// equivariance error, and draws the three on spheres in the viewport while the view is open
// (the data's points step aside and come back with their camera when it closes). Runs the
// Gaunt-vs-CG timing off the GUI thread, one degree at a time, drawn as it arrives and
// stoppable with what was measured kept.

#include "harmonics/SphericalSignal.h"

#include <QFuture>
#include <QObject>
#include <atomic>
#include <memory>
#include <vtkNew.h>

class vtkCamera;

namespace equiscope::views {
class PointCloudLayer;
class SphereLayer;
class SphericalPanel;
class TransformPanel;
class VtkViewport;
} // namespace equiscope::views

namespace equiscope::gui {

class SphericalExplorer : public QObject {
    Q_OBJECT
  public:
    SphericalExplorer(views::SphericalPanel* panel, views::TransformPanel* transform,
                      views::VtkViewport* viewport, views::PointCloudLayer* points,
                      QObject* parent = nullptr);
    ~SphericalExplorer() override;

    // On: the spheres replace the data in the viewport (the view's dock is shown).
    void setActive(bool on);
    bool active() const { return active_; }
    // Fits the view to the spheres.
    void fitCamera();
    // The data's camera was just set (a new sample): kept for later, the spheres keep theirs.
    void keepDataCamera();
    const views::SphereLayer* spheres() const { return spheres_.get(); }
    // |G(Da, Db) - D G(a, b)| / |G(a, b)| for the current rotation (float64).
    double equivarianceError() const { return error_; }
    const SphericalSignal& product() const { return product_; }

    void runTiming();
    void stopTiming();
    bool timingRunning() const { return timing_.isRunning(); }

  Q_SIGNALS:
    void recomputed();
    void timingFinished();

  private:
    void recompute();
    void timingArrived(int lmax, double fft, double grid, double cg, int top);
    void timingEnded(const QString& state);

    views::SphericalPanel* panel_;
    views::TransformPanel* transform_;
    views::VtkViewport* viewport_;
    views::PointCloudLayer* points_;
    std::unique_ptr<views::SphereLayer> spheres_;
    vtkNew<vtkCamera> dataCamera_; // the data's view, restored when the spheres go
    bool active_ = false;
    double error_ = 0;
    SphericalSignal product_;
    QFuture<void> timing_;
    std::shared_ptr<std::atomic<bool>> stop_ = std::make_shared<std::atomic<bool>>(false);
};

} // namespace equiscope::gui
