#pragma once
// Piecewise equivariance error (methods.md section 2): every part of a partition moves by
// its own E(3) element g_j, and per node
//   e_i = |f(g.x)_i - g_{l(i)} f(x)_i| / (mean_j |f(x)_j| + eps),
// averaged over the sampled element sets. Per-node outputs only.

#include "data/Sample.h"
#include "groups/Piecewise.h"
#include "metrics/Equivariance.h"
#include "models/Model.h"
#include "util/Progress.h"

#include <string>
#include <vector>

namespace equiscope {

struct PiecewiseReport {
    std::string parts; // "gt" or "pred"
    int64_t partCount = 0;
    int samples = 0;
    double meanError = 0, maxError = 0;
    std::vector<double> nodeMean; // per node, mean over element sets
    double seconds = 0;
};

// Errors for the given element sets (each one element per part), averaged over the sets.
PiecewiseReport piecewiseErrors(Model& model, const Sample& sample, const Partition& partition,
                                const std::vector<std::vector<GroupElement>>& sets,
                                const EvaluationOptions& options, const Progress& progress = {});

// `options.samples` element sets from samplePiecewiseE3 (translations ~ N(0, s^2 I), s a
// quarter of the data's RMS radius), seeded by options.seed.
PiecewiseReport checkPiecewise(Model& model, const Sample& sample, const Partition& partition,
                               const EvaluationOptions& options, const Progress& progress = {});

// The model's own hard partition of `sample` (argmax of partition()), compact.
Partition predictedPartition(Model& model, const Sample& sample, const EvaluationOptions& options);

} // namespace equiscope
