#pragma once
// Error along a one-parameter subgroup s -> exp(s G): rotation angle about an axis, log
// of a scale factor, translation distance along an axis.

#include "metrics/Equivariance.h"

#include <functional>
#include <string>
#include <vector>

namespace equiscope {

struct SweepPoint {
    double parameter = 0; // in the sweep's unit (degrees, scale factor, data units)
    double meanError = 0, maxError = 0;
};

struct SweepReport {
    std::string group, generator, unit;
    std::vector<SweepPoint> points;
};

// The subgroup a group offers for sweeping: SO3/O3/SE3/E3 and SO2 sweep a rotation angle
// (about `axis` where the group allows it), Scale sweeps the factor from 1/2 to 2, T3
// sweeps a translation along `axis` over +-2 RMS radii, TimeShift the clock over +-the
// trajectory's span. Throws Error for finite groups.
// Points are computed a few elements per forward; `partial`, when given, receives the
// report so far after each forward (a chart draws them as they arrive). Cancelling through
// `progress` throws Cancelled after the points so far were passed to `partial`.
using SweepPartial = std::function<void(const SweepReport& sofar, int steps)>;
SweepReport sweep(const Evaluator& evaluator, const Group& group, const Eigen::Vector3d& axis,
                  int steps, const Progress& progress = {}, const SweepPartial& partial = {});

} // namespace equiscope
