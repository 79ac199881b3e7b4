#pragma once
// A sample restricted to some of its nodes: what the live view evaluates as a preview
// while the user drags, when the whole sample would take too long.

#include "data/Sample.h"

#include <cstdint>
#include <vector>

namespace equiscope {

// `count` distinct node indices out of `nodeCount`, drawn with `seed`, in increasing order
// (all nodes when count >= nodeCount).
std::vector<int64_t> seededSubset(int64_t nodeCount, int64_t count, uint64_t seed);

// The sample on `nodes` (increasing original indices): per-node fields (also [T, N, C]) and
// parts keep those rows in that order; edges whose two ends are kept stay, renumbered, with
// their edge fields; faces are dropped; per-sample and per-frame fields and metadata stay.
Sample restrictToNodes(const Sample& sample, const std::vector<int64_t>& nodes);

} // namespace equiscope
