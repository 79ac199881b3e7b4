#pragma once
// Synthetic multi-object scenes for piecewise E(3) models (issue 7): several shapes, each
// placed by its own E(3) element (Haar rotation, a reflection with probability 1/2, a
// position), with ground-truth part labels. Made by our own code from the demo shapes.

#include "data/Sample.h"

#include <cstdint>

namespace equiscope {

struct MultiPartConfig {
    int parts = 4;               // objects per scene
    int64_t pointsPerPart = 256; // points per object
    double noise = 0;            // Gaussian jitter (std, data units) added to every point
    // Objects are kept `gap` apart (between bounding spheres); contact sets the gap
    // negative, so neighbouring objects touch or interpenetrate slightly.
    bool contact = false;
    double gap = 0.4;
};

// Fields: pos, part (categorical "object 0".."object K-1", also Sample::parts), shape
// (categorical: sphere, torus, box, figure), centre (position: the centroid of the point's
// object, what APEN's votes are trained towards). Deterministic in the seed.
Sample makeMultiPartScene(const MultiPartConfig& config, uint64_t seed);

} // namespace equiscope
