#pragma once
// Counts, bounds and centroid of a dataset: what `info` prints and the data panel shows.

#include "data/Sample.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace equiscope {

struct FieldSummary {
    std::string name;
    FieldType type;
    int64_t width;
};

struct DatasetSummary {
    SampleKind kind = SampleKind::Points;
    int64_t nodes = 0, faces = 0, edges = 0, frames = 0, graphs = 0;
    std::vector<FieldSummary> fields; // of the first sample
    bool hasBounds = false;           // false when no finite position exists
    std::array<double, 3> bboxMin{}, bboxMax{}, centroid{};
    int64_t nonFinitePositions = 0; // rows of pos holding NaN or Inf (kept, not dropped)
    int64_t nodesPerFrame = -1;     // when every frame of every sample has as many nodes
    // Atoms per species present in the first frame (a categorical "species" field), in code
    // order.
    std::vector<std::pair<std::string, int64_t>> species;
    // Every other categorical field, per-edge labels and graph labels: count per label over
    // all samples (first frame of a trajectory), labels in ascending order. Identifier
    // fields (each label exactly once) are left out.
    std::map<std::string, std::map<std::string, int64_t>> labelCounts;
};

// Bounds and centroid run over finite position rows of every frame and sample; the
// centroid is the float64 mean. `frames` counts the frames of all samples (1 for a graph
// dataset); `nodes` the nodes of one frame summed over samples.
DatasetSummary summarize(const Dataset& dataset);

} // namespace equiscope
