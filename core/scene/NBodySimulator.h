#pragma once
// The charged-particle n-body system of methods.md section 8.1 (EGNN's 3-D extension of the
// NRI simulator): 5 particles with charges +-1, positions ~ N(0, loc_std^2 I) with
// loc_std = (n/5)^(1/3), velocities of random direction and norm 0.5, Coulomb-like forces
// F_i = sum_j q_i q_j (x_i - x_j) / |x_i - x_j|^3 (like charges repel) clipped elementwise
// to +-100, symplectic Euler with dt = 0.001, a state stored every 100 steps, 49 stored
// frames (the initial state and 48 more). Standard task: frame 30 -> frame 40.

#include "util/Progress.h"

#include <cstdint>
#include <vector>

namespace equiscope {

struct NBodyConfig {
    int particles = 5;
    int frames = 49;
    int stepsPerFrame = 100;
    double dt = 0.001;
    double speed = 0.5;
    double forceClip = 100;
};

struct NBodyTrajectory {
    std::vector<double> positions, velocities; // [frames, particles, 3]
    std::vector<double> charges;               // [particles]
};

NBodyTrajectory simulateCharged(const NBodyConfig& config, uint64_t seed);
// `count` trajectories with seeds seed, seed+1, ...; throws Cancelled when asked.
std::vector<NBodyTrajectory> simulateChargedSet(const NBodyConfig& config, int count, uint64_t seed,
                                                const Progress& progress = {});

// Kinetic plus potential energy (unit masses): sum 0.5 |v|^2 + sum_{i<j} q_i q_j / r_ij.
double chargedEnergy(const double* positions, const double* velocities,
                     const std::vector<double>& charges);

} // namespace equiscope
