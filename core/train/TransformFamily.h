#pragma once
// The transformation families of invariance-constrained augmentation (methods.md 7.1,
// issue 16): each a finite set of linear maps of R^3 drawn once from a seed, with a
// magnitude per element for the histogram of what the sampler picked. Torch-free.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace equiscope {

struct FamilyElement {
    Eigen::Matrix3d linear = Eigen::Matrix3d::Identity();
    double magnitude = 0; // in the family's unit
};

struct TransformFamily {
    std::string name;          // rotz, rot, reflect, scale or affine
    std::string magnitudeName; // what `magnitude` measures, with its unit
    std::string unit;          // the unit alone: "°", "octaves" or "" (a condition number)
    double minMagnitude = 0, maxMagnitude = 1; // the histogram's range
    std::vector<FamilyElement> elements;
};

// rotz (about z, angle uniform in [-pi, pi]; magnitude |angle| in degrees), rot (Haar;
// its angle in degrees), reflect (a mirror through a plane with a uniform normal; the
// normal's angle to z in degrees, 0..90), scale (s I, log2 s uniform in [-1, 1]; |log2 s|
// in octaves) and affine (stretch P R of condition number c, log c uniform in [0, log 8];
// c itself).
const std::vector<std::string>& transformFamilyNames();

// `size` elements of the family `name`, the same for the same seed. Throws Error for an
// unknown name or size < 1.
TransformFamily makeTransformFamily(const std::string& name, int size, uint64_t seed);

// "rotz,rot,reflect" -> the names, each checked; throws Error naming a bad one.
std::vector<std::string> parseFamilyList(const std::string& list);

// Counts of `magnitudes` in `bins` equal bins over the family's range (values outside it
// count in the first or last bin).
std::vector<int64_t> magnitudeHistogram(const TransformFamily& family,
                                        const std::vector<double>& magnitudes, int bins);

} // namespace equiscope
