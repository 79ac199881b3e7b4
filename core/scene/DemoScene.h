#pragma once
// The built-in demo: shapes sampled by our own code, shown when the app starts without a
// file (and readable as the data name "demo").

#include "data/Sample.h"

#include <cstdint>

namespace equiscope {

enum class DemoShape { Sphere, Torus, Box, Composite };

// One shape centred at the origin, with "normal" (vector) and, for the composite, "part"
// labels (body, head, left arm, right arm).
Sample sampleShape(DemoShape shape, int64_t points, uint64_t seed);

// Sphere, torus, box and composite side by side along x, with fields pos, normal, radius
// (distance to the shape's centre: invariant under rigid motions of the whole scene), shape
// (categorical 0..3) and part (categorical: 0 sphere, 1 torus, 2 box, 3..6 the
// composite's parts); the ground-truth parts are set from "part".
Sample makeDemoScene(int64_t pointsPerShape = 4000, uint64_t seed = 7);

Dataset makeDemoDataset();

} // namespace equiscope
