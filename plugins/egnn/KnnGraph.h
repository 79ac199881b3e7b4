#pragma once
// k-nearest-neighbour graphs on the CPU through a uniform grid, O(N k) for well-spread
// points, so that EGNN stays feasible at 100k points.

#include <cstdint>
#include <vector>

namespace equiscope {

// For each of the n points (xyz, row-major), its k nearest other points, nearest first;
// ties broken by index. Returns n*k indices (fewer than k per point only when n <= k:
// then every other point). Throws Error for non-finite coordinates.
std::vector<int64_t> knnGraph(const double* xyz, int64_t n, int64_t k);

} // namespace equiscope
