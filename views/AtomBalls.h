#pragma once
// A molecule's atoms as shaded balls sized by element (a quarter of the van der Waals
// radius, ball-and-stick style), coloured as the point structure they belong to is.

#include "data/Sample.h"

#include <vector>
#include <vtkNew.h>

class vtkActor;
class vtkGlyph3DMapper;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;
class vtkSphereSource;

namespace equiscope::views {

class AtomBalls {
  public:
    // Balls at the points of `points` (shared with the structure: they move with it).
    AtomBalls(vtkRenderer* renderer, vtkPolyData* points);
    ~AtomBalls();
    AtomBalls(const AtomBalls&) = delete;
    AtomBalls& operator=(const AtomBalls&) = delete;

    // Radii from the sample's element symbols (a `species` or `Z` field); returns whether
    // it has them (up to kMaxAtoms atoms), else hides the balls.
    bool setSample(const Sample& sample);
    // The same lookup table and colour mode as the structure's own mapper.
    void copyColouring(vtkPolyDataMapper* from);
    void setVisible(bool on);
    // Per node, in the scene's units; empty when the sample has no elements.
    const std::vector<double>& radii() const { return radii_; }

    static constexpr int64_t kMaxAtoms = 5000;

  private:
    vtkRenderer* renderer_;
    vtkPolyData* points_;
    vtkNew<vtkSphereSource> sphere_;
    vtkNew<vtkGlyph3DMapper> mapper_;
    vtkNew<vtkActor> actor_;
    std::vector<double> radii_;
};

} // namespace equiscope::views
