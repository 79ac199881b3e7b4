#include "harmonics/SphericalSignal.h"

#include "harmonics/FourierBasis.h"
#include "harmonics/SphericalHarmonics.h"
#include "harmonics/WignerD.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>
#include <random>
#include <string>

namespace equiscope {

namespace {

void requireDegree(int lmax) {
    if (lmax < 0 || lmax > kMaxSignalDegree)
        throw Error("a spherical signal's degree must be 0.." + std::to_string(kMaxSignalDegree) +
                    ", got " + std::to_string(lmax));
}

} // namespace

SphericalSignal singleHarmonic(int l, int m) {
    requireDegree(l);
    if (m < -l || m > l)
        throw Error("Y_l^m needs -l <= m <= l; got l = " + std::to_string(l) +
                    ", m = " + std::to_string(m));
    SphericalSignal s{l, Eigen::VectorXd::Zero(shDimension(l))};
    s.coefficients(l * l + l + m) = 1.0;
    return s;
}

SphericalSignal randomBandLimited(int lmax, uint64_t seed) {
    requireDegree(lmax);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    SphericalSignal s{lmax, Eigen::VectorXd(shDimension(lmax))};
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m)
            s.coefficients(l * l + l + m) = normal(rng) / std::sqrt(2.0 * l + 1.0);
    s.coefficients /= s.coefficients.norm();
    return s;
}

SphericalSignal sharpPeak(int lmax, const Eigen::Vector3d& direction) {
    requireDegree(lmax);
    if (!(direction.norm() > 0)) throw Error("a peak needs a non-zero direction");
    SphericalSignal s{lmax, sphericalHarmonics(lmax, direction)};
    for (int l = 0; l <= lmax; ++l) {
        const double taper = std::pow(std::cos(M_PI * l / (2.0 * lmax + 2.0)), 2);
        s.coefficients.segment(l * l, 2 * l + 1) *= taper;
    }
    // The peak value is Σ_l w_l |Y_l(d)|² = Σ_l w_l (2l+1)/4π, direction-independent.
    s.coefficients /= s.coefficients.dot(sphericalHarmonics(lmax, direction));
    return s;
}

SphericalSignal rotated(const SphericalSignal& signal, const Eigen::Matrix3d& orthogonal) {
    if (!(orthogonal.transpose() * orthogonal).isIdentity(1e-9))
        throw Error("a spherical signal turns only under an orthogonal matrix");
    const double det = orthogonal.determinant() > 0 ? 1.0 : -1.0;
    const auto blocks = wignerDBlocks(signal.lmax, det * orthogonal);
    SphericalSignal out{signal.lmax, Eigen::VectorXd(signal.coefficients.size())};
    for (int l = 0; l <= signal.lmax; ++l)
        out.coefficients.segment(l * l, 2 * l + 1) = (l % 2 ? det : 1.0) *
                                                     blocks[static_cast<std::size_t>(l)] *
                                                     signal.coefficients.segment(l * l, 2 * l + 1);
    return out;
}

SphericalSignal gauntProduct(const SphericalSignal& a, const SphericalSignal& b, int lmaxOut) {
    if (lmaxOut < 0 || lmaxOut > kMaxFourierDegree)
        throw Error("the product's degree must be 0.." + std::to_string(kMaxFourierDegree));
    const Eigen::MatrixXcd grid =
        convolve2d(shToFourier(a.coefficients, a.lmax), shToFourier(b.coefficients, b.lmax));
    return {lmaxOut, fourierToSh(grid, lmaxOut)};
}

Eigen::VectorXd evaluate(const SphericalSignal& signal, const Eigen::MatrixX3d& points) {
    return sphericalHarmonics(signal.lmax, points) * signal.coefficients;
}

Eigen::VectorXd degreeNorms(const SphericalSignal& signal) {
    Eigen::VectorXd norms(signal.lmax + 1);
    for (int l = 0; l <= signal.lmax; ++l)
        norms(l) = signal.coefficients.segment(l * l, 2 * l + 1).norm();
    return norms;
}

} // namespace equiscope
