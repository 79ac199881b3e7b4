#pragma once
// Band-limited functions on the unit sphere, held as their harmonic coefficients (integral
// normalisation, e3nn's order): the inputs and the product of the Spherical functions view.
// Float64 throughout; the product takes the Fourier route of methods.md §6 (sh2f, 2D
// convolution, f2sh), which is exact for band-limited inputs.

#include <Eigen/Core>
#include <cstdint>

namespace equiscope {

struct SphericalSignal {
    int lmax = 0;
    Eigen::VectorXd coefficients; // (lmax+1)², flat index l² + l + m
};

// The degrees the view offers (the Fourier tables and Wigner-D go further).
constexpr int kMaxSignalDegree = 16;

// Y_l^m alone (coefficient 1); throws Error unless 0 <= l <= kMaxSignalDegree, |m| <= l.
SphericalSignal singleHarmonic(int l, int m);
// Gaussian coefficients with each degree's block carrying the same expected energy, the whole
// scaled to unit L² norm; the same seed gives the same signal.
SphericalSignal randomBandLimited(int lmax, uint64_t seed);
// A peak at `direction`: the band-limited delta Σ_l w_l Y_l(d)·Y_l(r), tapered by
// w_l = cos²(π l / (2 lmax + 2)) so it rings little, scaled to peak value 1.
SphericalSignal sharpPeak(int lmax, const Eigen::Vector3d& direction);

// The function r -> f(Q^T r) for an orthogonal Q: coefficients D(Q) c, with D(Q) the Wigner-D
// of its rotation part times det(Q)^l (the functions' parity is (-1)^l, e3nn's "y").
// Throws Error when Q is not orthogonal.
SphericalSignal rotated(const SphericalSignal& signal, const Eigen::Matrix3d& orthogonal);
// The Gaunt product: the coefficients of a(r) b(r) up to degree lmaxOut.
SphericalSignal gauntProduct(const SphericalSignal& a, const SphericalSignal& b, int lmaxOut);
// The function's values at the directions of `points` (one row each).
Eigen::VectorXd evaluate(const SphericalSignal& signal, const Eigen::MatrixX3d& points);
// The L² norm of the coefficients of each degree 0..lmax.
Eigen::VectorXd degreeNorms(const SphericalSignal& signal);

} // namespace equiscope
