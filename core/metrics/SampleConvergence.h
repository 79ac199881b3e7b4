#pragma once
// Error against the number K of group elements a Monte-Carlo-averaged model (affine_mc)
// averages over, with the 1/sqrt(K) reference of an unbiased average (methods.md §5) and
// the fitted log-log slope: about -1/2 where the sampling measure is invariant (rotations),
// flatter where it is not (stretches of GL+(3), which has no invariant probability).

#include "metrics/Equivariance.h"

#include <functional>
#include <memory>
#include <vector>

namespace equiscope {

struct ConvergencePoint {
    int samples = 0; // K
    double meanError = 0, maxError = 0;
    double reference = 0; // meanError at the first K, scaled by sqrt(K_first / K)
};

struct ConvergenceReport {
    std::string group;
    std::vector<ConvergencePoint> points;
    double slope = 0; // least-squares slope of log(mean error) against log(K)
};

// For each K of `samples` (positive, increasing), `makeModel(K)`'s check under `group` on
// `sample` with `options` (the same elements for every K: the options' seed).
using ModelForSamples = std::function<std::unique_ptr<Model>(int samples)>;
ConvergenceReport sampleConvergence(const ModelForSamples& makeModel, const Sample& sample,
                                    const EvaluationOptions& options, const Group& group,
                                    const std::vector<int>& samples, const Progress& progress = {});

} // namespace equiscope
