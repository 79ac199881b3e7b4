#pragma once
// Counts, bounds and centroid of a dataset: what `info` prints and the data panel shows.

#include "data/Sample.h"

#include <array>
#include <cstdint>
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
};

// Bounds and centroid run over finite position rows of every frame and sample; the
// centroid is the float64 mean.
DatasetSummary summarize(const Dataset& dataset);

} // namespace equiscope
