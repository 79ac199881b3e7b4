#pragma once
// Lie derivative per generator X (methods.md section 8.2):
//   L_X f(x) = d/ds [ g_s^-1 . f(g_s . x) ] at s = 0,  g_s = exp(s X),
// by a central difference in float64 with step h = 1e-4 (translations: h times the data's
// RMS radius, reported per unit of translation). Zero for a model exactly equivariant
// along X; reported as the mean over nodes of |L_X f(x)_i|, and relative to mean_j |f(x)_j|.

#include "metrics/Equivariance.h"
#include "util/Progress.h"

#include <functional>
#include <string>
#include <vector>

namespace equiscope {

struct LieReport {
    std::string generator;
    double meanNorm = 0, relativeNorm = 0;
    std::vector<double> nodeNorm; // per node (per-node outputs)
};

constexpr double kLieStep = 1e-4;

// The evaluator must run the model in float64 (EvaluationOptions::float64). Generators are
// measured one at a time (two elements per forward); `partial`, when given, receives the
// reports so far after each (a chart draws them as they arrive). Cancelling through
// `progress` throws Cancelled after the reports so far were passed to `partial`.
using LiePartial = std::function<void(const std::vector<LieReport>& sofar, int generators)>;
std::vector<LieReport> lieDerivatives(const Evaluator& evaluator, const Group& group,
                                      const Progress& progress = {},
                                      const LiePartial& partial = {});

} // namespace equiscope
