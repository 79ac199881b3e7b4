#pragma once
// A sample's points in a renderer (Polyscope's "structure"), coloured by the shown one of
// its registered quantities with a legend beside the scene, and a highlighted picked point.
// The sample's own fields are registered as quantities of owner "data" by setSample.

#include "AtomBalls.h"
#include "QuantityRegistry.h"
#include "data/Sample.h"

#include <QString>
#include <array>
#include <memory>
#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkLookupTable;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;
class vtkScalarBarActor;

namespace equiscope::views {

class VtkViewport;

class PointCloudLayer {
  public:
    // Draws into the viewport's scene; the legend goes into its legend strip.
    explicit PointCloudLayer(VtkViewport* viewport);
    ~PointCloudLayer();
    PointCloudLayer(const PointCloudLayer&) = delete;
    PointCloudLayer& operator=(const PointCloudLayer&) = delete;

    // Draws the sample's points and its edges as lines between them.
    void setSample(std::shared_ptr<const Sample> sample);
    int64_t drawnEdges() const;
    // The legend's label for a categorical value ("" when none or not categorical).
    std::string legendAnnotation(double value) const;
    const Sample* sample() const { return sample_.get(); }

    // Moves the drawn points (rows in the sample's node order), e.g. to g.x.
    void setPositions(const std::vector<double>& xyz);
    // Where a node is drawn now (after setPositions).
    std::array<double, 3> drawnPosition(int64_t node) const;

    // The colour quantities of this structure; the shown one is drawn with its legend.
    QuantityRegistry* quantities() const { return quantities_.get(); }
    // Radii of the atoms drawn as balls (molecules), empty when drawn as points.
    const std::vector<double>& atomRadii() const { return atoms_->radii(); }
    // The drawn per-node values of the shown quantity (empty for solid and RGB).
    const std::vector<double>& shownValues() const { return shown_; }
    // Nodes the shown quantity draws as "exact to round-off".
    int64_t exactNodes() const { return exactNodes_; }
    void setPointSize(double pixels);
    // Hidden, the points, the picked point and the legend give the viewport to another
    // structure (the Spherical functions view's spheres).
    void setVisible(bool on);
    bool visible() const { return visible_; }

    // Finite range of the current colour values (lo == hi for constant fields).
    double rangeMin() const { return range_[0]; }
    double rangeMax() const { return range_[1]; }
    bool legendVisible() const;

    // The node under display coordinates (pixels, origin bottom-left), or -1.
    int64_t pick(double displayX, double displayY) const;
    void setPicked(int64_t node); // -1 clears
    int64_t picked() const { return picked_; }

  private:
    void updateColors();
    void colorPoints();
    void drawRgb(const std::vector<double>& rgb);
    // The lookup table of a scalar or categorical quantity over `values`; sets range_.
    vtkSmartPointer<vtkLookupTable> scalarTable(const ColorQuantity& q,
                                                const std::vector<double>& values);
    void showLegend(bool on);

    VtkViewport* viewport_;
    vtkRenderer* renderer_;
    std::unique_ptr<QuantityRegistry> quantities_;
    std::shared_ptr<const Sample> sample_;
    vtkNew<vtkPolyData> points_;
    vtkNew<vtkPolyDataMapper> mapper_;
    vtkNew<vtkActor> actor_;
    std::unique_ptr<AtomBalls> atoms_;
    vtkNew<vtkScalarBarActor> legend_;
    vtkNew<vtkPolyData> pickedPoint_;
    vtkNew<vtkPolyDataMapper> pickedMapper_;
    vtkNew<vtkActor> pickedActor_;
    std::vector<double> shown_;
    int64_t exactNodes_ = 0;
    double range_[2] = {0, 1};
    int64_t picked_ = -1;
    bool visible_ = true;
};

} // namespace equiscope::views
