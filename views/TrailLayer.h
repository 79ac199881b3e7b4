#pragma once
// Fading trails behind the nodes of a trajectory: for the shown frame, a polyline per node
// through its last `length` positions, transparent at the tail and opaque at the head.

#include "data/Sample.h"

#include <vtkNew.h>

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;

namespace equiscope::views {

class TrailLayer {
  public:
    explicit TrailLayer(vtkRenderer* renderer);
    ~TrailLayer();
    TrailLayer(const TrailLayer&) = delete;
    TrailLayer& operator=(const TrailLayer&) = delete;

    // Trails of `trajectory` (pos [T,N,3]) ending at `frame`; hidden for a static sample.
    void show(const Sample& trajectory, int64_t frame);
    void hide();
    void setLength(int frames);
    int64_t trailCount() const; // polylines drawn (0 when hidden)

  private:
    vtkRenderer* renderer_;
    vtkNew<vtkPolyData> trails_;
    vtkNew<vtkPolyDataMapper> mapper_;
    vtkNew<vtkActor> actor_;
    int length_ = 30;
};

} // namespace equiscope::views
