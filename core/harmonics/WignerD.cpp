#include "harmonics/WignerD.h"

#include "harmonics/SphereQuadrature.h"
#include "harmonics/SphericalHarmonics.h"

namespace equiscope {

std::vector<Eigen::MatrixXd> wignerDBlocks(int lmax, const Eigen::Matrix3d& rotation) {
    // D_mn = ∫ Y_m(R r) Y_n(r) dΩ for orthonormal Y; the integrand has degree 2 lmax, so
    // the quadrature makes the projection exact up to round-off.
    const SphereQuadrature q = sphereQuadrature(2 * lmax);
    const Eigen::MatrixXd before = sphericalHarmonics(lmax, q.points);
    const Eigen::MatrixX3d rotated = q.points * rotation.transpose();
    const Eigen::MatrixXd after = sphericalHarmonics(lmax, rotated);
    std::vector<Eigen::MatrixXd> blocks;
    for (int l = 0; l <= lmax; ++l) {
        const int first = l * l, size = 2 * l + 1;
        blocks.push_back(after.middleCols(first, size).transpose() * q.weights.asDiagonal() *
                         before.middleCols(first, size));
    }
    return blocks;
}

Eigen::MatrixXd wignerD(int l, const Eigen::Matrix3d& rotation) {
    if (l == 0) return Eigen::MatrixXd::Identity(1, 1);
    if (l == 1) return rotation;
    return wignerDBlocks(l, rotation).back();
}

} // namespace equiscope
