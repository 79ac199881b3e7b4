#pragma once
// Fading trails behind the nodes of a trajectory: for the shown frame, a polyline per node
// through its last `length` positions, transparent at the tail and opaque at the head.

#include "LineOverlay.h"
#include "data/Sample.h"

namespace equiscope::views {

class TrailLayer {
  public:
    explicit TrailLayer(vtkRenderer* renderer) : overlay_(renderer, 2.0) {}

    // Trails of `trajectory` (pos [T,N,3]) ending at `frame`; hidden for a static sample.
    void show(const Sample& trajectory, int64_t frame);
    void hide() { overlay_.hide(); }
    void setLength(int frames);
    int64_t trailCount() const { return overlay_.lines(); }

  private:
    LineOverlay overlay_;
    int length_ = 30;
};

} // namespace equiscope::views
