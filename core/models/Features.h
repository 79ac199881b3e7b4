#pragma once
// Which of a sample's fields become a model's `feat` input (model-format.md, "Which fields
// become feat").

#include "data/Sample.h"

#include <string>
#include <vector>

namespace equiscope {

struct FeatureSelection {
    std::vector<double> values; // [N, width] row-major
    int64_t width = 0;
    std::string description;          // "radius", "ones", "(none)"
    std::vector<int64_t> timeColumns; // columns holding a time field (moved by TimeShift)
};

// `requested` names fields explicitly; otherwise the per-node scalar fields other than
// the positions, in file order, when their total width is featureDim; ones when the
// sample has none and featureDim is 1. Anything else is an Error naming F and the fields.
FeatureSelection selectFeatures(const Sample& sample, int featureDim,
                                const std::vector<std::string>& requested);

} // namespace equiscope
