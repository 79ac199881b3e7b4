#pragma once
// Real spherical harmonics of any degree in e3nn's basis and ordering (see design/irreps.md):
// y is the polar axis, components m = -l..l, flat index l*l + l + m. They equal the textbook
// real harmonics (no Condon-Shortley phase in the real form) evaluated at (X, Y, Z) = (z, x, y).

#include <Eigen/Core>
#include <string>

namespace equiscope {

enum class ShNormalization {
    Integral,  // orthonormal on the sphere: ∫ Y_lm Y_l'm' dΩ = δ (e3nn-torch's default)
    Norm,      // |Y_l(r)| = 1 for unit r
    Component, // |Y_l(r)|² = 2l + 1 for unit r
};

ShNormalization parseShNormalization(const std::string& name); // throws Error naming the choices
const char* shNormalizationName(ShNormalization n);

constexpr int shDimension(int lmax) {
    return (lmax + 1) * (lmax + 1);
}

// One row per point, (lmax+1)² columns. Points need not be unit vectors: the harmonics of their
// direction are returned (e3nn's normalize=True), and a zero vector gives Y_0 and zeros.
Eigen::MatrixXd sphericalHarmonics(int lmax, const Eigen::MatrixX3d& points,
                                   ShNormalization normalization = ShNormalization::Integral);

// K_lm Q_l^m(z) at row l, column m (0 <= m <= l <= lmax), where P_l^m(cos θ) = sin^m θ Q_l^m(cos θ)
// is the associated Legendre function without the Condon-Shortley phase and K_lm the factor
// that makes Y_l0 = K Q and Y_l±m = √2 K P_l^m (cos, sin)(mφ) orthonormal.
Eigen::MatrixXd normalizedLegendreQ(int lmax, double z);

// The harmonics of one direction, as a vector of (lmax+1)² values.
Eigen::VectorXd sphericalHarmonics(int lmax, const Eigen::Vector3d& point,
                                   ShNormalization normalization = ShNormalization::Integral);

} // namespace equiscope
