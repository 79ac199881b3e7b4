#pragma once
// Lines drawn over the points with their own per-point RGB(A) colours, not pickable: the
// shared part of the trail and permutation glyphs.

#include <cstdint>
#include <vtkNew.h>

class vtkActor;
class vtkCellArray;
class vtkDataArray;
class vtkPoints;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;

namespace equiscope::views {

class LineOverlay {
  public:
    LineOverlay(vtkRenderer* renderer, double lineWidth);
    ~LineOverlay();
    LineOverlay(const LineOverlay&) = delete;
    LineOverlay& operator=(const LineOverlay&) = delete;

    // Shows `lines` over `points` coloured by `colours` (unsigned char, 3 or 4 components
    // per point); hidden when there are no lines.
    void show(vtkPoints* points, vtkCellArray* lines, vtkDataArray* colours);
    void hide();
    int64_t lines() const; // drawn (0 when hidden)

  private:
    vtkRenderer* renderer_;
    vtkNew<vtkPolyData> data_;
    vtkNew<vtkPolyDataMapper> mapper_;
    vtkNew<vtkActor> actor_;
};

} // namespace equiscope::views
