#pragma once
// Wigner-D matrices of every degree in e3nn's real basis: D^l(R) is the matrix with
// Y_l(R r) = D^l(R) Y_l(r) for the harmonics of SphericalHarmonics.h (so D^1(R) = R).

#include <Eigen/Core>
#include <vector>

namespace equiscope {

// D^l(R) for one degree; R must be a rotation.
Eigen::MatrixXd wignerD(int l, const Eigen::Matrix3d& rotation);

// D^0 … D^lmax at once (cheaper than one call per degree).
std::vector<Eigen::MatrixXd> wignerDBlocks(int lmax, const Eigen::Matrix3d& rotation);

} // namespace equiscope
