#pragma once
// What a view of a model's partition needs, for APEN (every layer's partition) and for any
// model with partition() (the final one only): per partition the hard labels and each
// node's 1 - max_j Q_ij, and per node the uncertainty and entropy that sit beside the
// piecewise error. No torch in this header.

#include "data/Sample.h"
#include "metrics/Equivariance.h"
#include "models/Model.h"

#include <string>
#include <vector>

namespace equiscope::apen {

struct PartitionView {
    std::vector<std::string> names;           // "cells (32 parts)", "layer 2 (9 parts)", ...
    std::vector<std::vector<int64_t>> labels; // per partition, per node (compact)
    std::vector<int64_t> parts;               // per partition
    std::vector<std::vector<double>> doubt;   // per partition, per node: 1 - max_j Q_ij
    // APEN: summed over the predicted partitions its layers used (the bound's terms);
    // another model: of its one partition.
    std::vector<double> nodeUncertainty, nodeEntropy;
};

// Runs the model on `sample` (its first frame's positions, the options' dtype and device).
PartitionView partitionView(Model& model, const Sample& sample, const EvaluationOptions& options);

} // namespace equiscope::apen
