#pragma once
// The groups a model can be checked against: sampling, parameters for the UI, Lie
// algebra generators. Names follow e3nn's spirit: T3, SO3, O3, SE3, E3, SO2(axis),
// O2(axis), Scale, GL3 (GL+(3)), SL3, Aff3, Perm, TimeShift, and products written A*B.

#include "data/Sample.h"
#include "groups/GroupElement.h"

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace equiscope {

// What sampling needs to know about the data.
struct SampleContext {
    int64_t nodes = 0;     // for permutations
    double scale = 1.0;    // translations are drawn ~ N(0, scale^2 I); use the data's RMS radius
    double timeSpan = 1.0; // clock shifts are drawn ~ U(-timeSpan, timeSpan): the trajectory's span
};

struct ParameterSpec {
    std::string name;
    double min = 0, max = 1, defaultValue = 0;
    std::string unit;      // "deg", "" ...
    bool logScale = false; // show on a log slider
};

// An element of the affine Lie algebra: x -> X x + v, exponentiated as a 4x4 matrix.
struct Generator {
    std::string name;
    Eigen::Matrix3d linear = Eigen::Matrix3d::Zero();
    Eigen::Vector3d translation = Eigen::Vector3d::Zero();
};

// The context of a sample: its node count, the RMS radius of its positions about their
// centroid, and its "time_span" metadata (displaySample sets it for trajectory frames).
SampleContext sampleContext(const Sample& sample);

using Rng = std::mt19937_64;

class Group {
  public:
    virtual ~Group() = default;
    virtual std::string name() const = 0;
    // Compact groups sample from their Haar measure; the others as documented per group.
    virtual GroupElement sample(Rng& rng, const SampleContext& context) const = 0;
    virtual std::vector<ParameterSpec> parameters() const = 0;
    virtual GroupElement fromParameters(const std::vector<double>& values,
                                        const SampleContext& context) const = 0;
    // Empty for finite groups and for TimeShift (it moves no coordinates).
    virtual std::vector<Generator> generators() const = 0;
    virtual bool permutesNodes() const { return false; }
    virtual bool shiftsTime() const { return false; } // TimeShift: sweeps move the clock
};

// Parses "SE3", "SO2(x)", "O2(0,0,1)", "SO3*Scale", "SE3*Perm"; throws Error naming the
// unknown part and listing the known names.
std::unique_ptr<Group> makeGroup(const std::string& spec);
std::vector<std::string> groupNames(); // the basic names, for help texts and the UI

// The groups checked by `profile` when none are given.
std::vector<std::string> candidateGroups();

// Haar-random rotation (normalized Gaussian quaternion).
Eigen::Matrix3d haarRotation(Rng& rng);

} // namespace equiscope
