#pragma once
// Spherical functions drawn on unit spheres side by side in the viewport (the Spherical
// functions view's structure): colour = the function's value over its own max |f| on a
// diverging map from -1 to 1 (a product is often far smaller than its inputs; each label
// names its max), with the legend in the legend strip; optionally radius = |f| / max |f|
// (a polar plot). A label floats above each sphere.

#include "ColorQuantity.h"
#include "harmonics/SphericalSignal.h"

#include <QString>
#include <vector>
#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkBillboardTextActor3D;
class vtkPolyData;
class vtkScalarBarActor;

namespace equiscope::views {

class VtkViewport;

class SphereLayer {
  public:
    struct Sphere {
        QString label;
        SphericalSignal signal;
    };

    explicit SphereLayer(VtkViewport* viewport);
    ~SphereLayer();
    SphereLayer(const SphereLayer&) = delete;
    SphereLayer& operator=(const SphereLayer&) = delete;

    void show(const std::vector<Sphere>& spheres, bool radiusByValue);
    void hide();
    bool visible() const { return !actors_.empty(); }
    // The unit directions of the vertices (the same on every sphere), and each sphere's
    // values there (before the scaling by max |f|).
    const Eigen::MatrixX3d& directions() const { return directions_; }
    const std::vector<Eigen::VectorXd>& values() const { return values_; }
    // The colour quantity drawn: its colormap, range -1..1 and legend title.
    const ColorQuantity& quantity() const { return quantity_; }
    // The world-space centre of sphere i.
    double centreX(int i) const;

  private:
    // The mesh of sphere `values` / `peak` centred at x = offset.
    vtkSmartPointer<vtkPolyData> sphereMesh(const Eigen::VectorXd& values, double peak,
                                            double offset, bool radiusByValue) const;

    VtkViewport* viewport_;
    Eigen::MatrixX3d directions_;
    vtkSmartPointer<vtkPolyData> unitSphere_;
    std::vector<Eigen::VectorXd> values_;
    std::vector<vtkSmartPointer<vtkActor>> actors_;
    std::vector<vtkSmartPointer<vtkBillboardTextActor3D>> labels_;
    vtkNew<vtkScalarBarActor> legend_;
    ColorQuantity quantity_;
    int count_ = 0;
};

} // namespace equiscope::views
