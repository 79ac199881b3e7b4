#pragma once
// A shape-classification task made by our own code (issue 16): 12 classes of sampled
// surfaces, 512 noisy points each, seeded. Splits train / val / test, and distorted copies
// of the test split: affine_c1, affine_c2, affine_c4, affine_c8 (x -> A x + t with the
// stretch of A of condition number 1, 2, 4, 8, drawn through the decomposition A = P R of
// methods.md section 5), rotation (Haar), reflection (a mirror through a random plane) and
// scale (a factor in [1/2, 2], log-uniform). Front ends read them as shapes:SPLIT[:SEED].
//
// The classes were chosen so that symmetries matter: helix_left and helix_right are mirror
// images of each other (a reflection swaps their labels), octahedron_small and
// octahedron_large differ only in size (a scaling merges them), and the ellipsoid is an
// affine image of the sphere.

#include "data/Sample.h"

#include <cstdint>
#include <string>
#include <vector>

namespace equiscope {

inline constexpr int kShapeClasses = 12;
inline constexpr int64_t kShapePoints = 512;

// sphere, ellipsoid, torus, box, cylinder, cone, capsule, figure (the demo's), helix_left,
// helix_right, octahedron_small, octahedron_large: the names of the labels 0..11.
const std::vector<std::string>& shapeClassNames();

// One sample of class `label` (float64 positions, Gaussian noise of std 0.01, each axis
// scaled by a factor in [0.9, 1.1]); the same seed gives the same points, and helix_left
// with a seed is exactly helix_right with that seed mirrored (y -> -y).
Sample sampleShapeClass(int label, uint64_t seed, int64_t points = kShapePoints);

// train, val, test, affine_c1, affine_c2, affine_c4, affine_c8, rotation, reflection, scale.
const std::vector<std::string>& shapesSplits();

// A split: sample i has class i % 12, 32 per class in train, 8 in val and 16 in the test
// split and each of its distorted copies (whose sample i is test sample i, transformed).
// Each sample carries metadata graph_label (its class number, as TU graph labels are
// carried), class (its name), split and, for distorted splits, distortion (the 3x4 map).
// Throws Error for an unknown split.
Dataset makeShapesDataset(const std::string& split, uint64_t seed = 1);

// "shapes:SPLIT" or "shapes:SPLIT:SEED" (seed 1 when omitted); throws Error otherwise.
Dataset loadShapesSpec(const std::string& spec);

} // namespace equiscope
