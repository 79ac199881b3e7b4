#pragma once
// Evaluation settings the core tests share.

#include "metrics/Equivariance.h"

namespace equiscope::test {

// float64 (errors comparable to 1e-12), `samples` elements of a seeded check, `batch` per forward.
inline EvaluationOptions float64Options(int batch, int samples, uint64_t seed) {
    EvaluationOptions o;
    o.samples = samples;
    o.batch = batch;
    o.float64 = true;
    o.seed = seed;
    return o;
}

} // namespace equiscope::test
