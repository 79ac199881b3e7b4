#pragma once
// The "two-path" view of an equivariance check: for vector and position outputs, f(g.x)
// (orange) and g.f(x) (cyan) as two glyph sets, with a red residual segment between them.
// Vectors are drawn as segments from the node; positions as points. At most `maxGlyphs`
// nodes are drawn (evenly strided) so the view stays readable.

#include "data/FieldType.h"
#include "metrics/Equivariance.h"

#include <vtkNew.h>

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;
class vtkTextActor;

namespace equiscope::views {

class TwoPathLayer {
  public:
    explicit TwoPathLayer(vtkRenderer* renderer);
    ~TwoPathLayer();
    TwoPathLayer(const TwoPathLayer&) = delete;
    TwoPathLayer& operator=(const TwoPathLayer&) = delete;

    // `anchors`: g.x in the rows' order (where vector glyphs start), [rows, 3].
    void show(const TwoPaths& paths, FieldType output, const std::vector<double>& anchors,
              int maxGlyphs = 400);
    void hide();
    bool visible() const;
    void setVisible(bool visible);
    int glyphs() const { return glyphs_; }

  private:
    vtkRenderer* renderer_;
    vtkNew<vtkPolyData> first_, second_, residual_;
    vtkNew<vtkPolyDataMapper> firstMapper_, secondMapper_, residualMapper_;
    vtkNew<vtkActor> firstActor_, secondActor_, residualActor_;
    vtkNew<vtkTextActor> key_;
    int glyphs_ = 0;
    bool wanted_ = true;
};

} // namespace equiscope::views
