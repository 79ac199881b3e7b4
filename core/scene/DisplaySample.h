#pragma once
// What the viewport draws for a sample: one frame of a trajectory as a static point sample
// (every [T,N,C] field cut to its frame), and for a graph without coordinates a 3-D
// force-directed layout as its positions. A trajectory frame also carries its clock reading
// as a per-node time field (what TimeShift moves), and metadata "time_span".

#include "data/Sample.h"

namespace equiscope {

inline constexpr const char* kTimeField = "time";

// `frame` is clamped to the sample's frames. Edges, parts, faces and metadata are kept.
Sample displaySample(const Sample& sample, int64_t frame = 0);

// Fruchterman-Reingold in 3-D, seeded, deterministic: [nodes, 3] positions in a cube of
// side about 2 around the origin. `edgeIndex` as in Sample ([2,E] flattened).
std::vector<double> forceDirectedLayout(int64_t nodes, const std::vector<int64_t>& edgeIndex,
                                        uint64_t seed = 0);

} // namespace equiscope
