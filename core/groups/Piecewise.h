#pragma once
// PiecewiseE3 (architecture.md, methods.md section 2): one E(3) element per part of a
// partition of the nodes. Parts come from the ground truth (Sample::parts) or from a
// model's predicted partition. Each node's rows move by its own part's element.

#include "data/Sample.h"
#include "groups/Group.h"

#include <vector>

namespace equiscope {

inline constexpr const char* kPiecewiseE3 = "PiecewiseE3";

struct Partition {
    std::vector<int64_t> labels; // per node, 0..parts-1
    int64_t parts = 0;
};

// Any integer labels made compact, 0..K-1 in order of first appearance.
Partition compactPartition(const std::vector<int64_t>& labels);

// One element per part: a Haar O(3) element about the part's own centroid (so a part turns
// in place), then a translation ~ N(0, translationScale^2 I). `positions` is [N,3].
std::vector<GroupElement> samplePiecewiseE3(Rng& rng, const Field& positions,
                                            const Partition& partition, double translationScale);

// The centroid of every part of `positions` ([N,3]): [parts] points.
std::vector<Eigen::Vector3d> partCentroids(const Field& positions, const Partition& partition);

// The element of part j acting on row i of every per-node field when node i is in part j
// (fieldMatrix, plus the translation for positions); per-sample fields are kept.
Sample transformPiecewise(const Sample& sample, const Partition& partition,
                          const std::vector<GroupElement>& elements);

} // namespace equiscope
