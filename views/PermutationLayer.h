#pragma once
// Which node went where under a permutation: a line per moved node from where the node sat
// to the slot it now fills (white at the start, amber at the end). Random permutations of
// big clouds would be a hairball, so at most `kMaxLines` nodes are drawn (evenly spaced).

#include <cstdint>
#include <vector>
#include <vtkNew.h>

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;

namespace equiscope::views {

class PermutationLayer {
  public:
    static constexpr int64_t kMaxLines = 400;

    explicit PermutationLayer(vtkRenderer* renderer);
    ~PermutationLayer();
    PermutationLayer(const PermutationLayer&) = delete;
    PermutationLayer& operator=(const PermutationLayer&) = delete;

    // `positions` [N,3] as drawn; slot i is now filled by node source[i].
    void show(const std::vector<double>& positions, const std::vector<int64_t>& source);
    void hide();
    int64_t lines() const; // drawn (0 when hidden)

  private:
    vtkRenderer* renderer_;
    vtkNew<vtkPolyData> lines_;
    vtkNew<vtkPolyDataMapper> mapper_;
    vtkNew<vtkActor> actor_;
};

} // namespace equiscope::views
