#pragma once
// Which node went where under a permutation: a line per moved node from where the node sat
// to the slot it now fills (white at the start, amber at the end). Random permutations of
// big clouds would be a hairball, so at most `kMaxLines` nodes are drawn (evenly spaced).

#include "LineOverlay.h"

#include <vector>

namespace equiscope::views {

class PermutationLayer {
  public:
    static constexpr int64_t kMaxLines = 400;

    explicit PermutationLayer(vtkRenderer* renderer) : overlay_(renderer, 1.5) {}

    // `positions` [N,3] as drawn; slot i is now filled by node source[i].
    void show(const std::vector<double>& positions, const std::vector<int64_t>& source);
    void hide() { overlay_.hide(); }
    int64_t lines() const { return overlay_.lines(); }

  private:
    LineOverlay overlay_;
};

} // namespace equiscope::views
