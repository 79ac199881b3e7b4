#include "groups/Decomposition.h"

#include "util/Error.h"

#include <Eigen/Dense>
#include <Eigen/Geometry>
#include <cmath>

namespace equiscope {

namespace {

// V f(diag(lambda)) V^T for a symmetric matrix.
template <class F> Eigen::Matrix3d spectralMap(const Eigen::Matrix3d& x, F f) {
    Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(0.5 * (x + x.transpose()));
    Eigen::Vector3d mapped;
    for (int i = 0; i < 3; ++i) mapped(i) = f(eig.eigenvalues()(i));
    return eig.eigenvectors() * mapped.asDiagonal() * eig.eigenvectors().transpose();
}

} // namespace

PolarFactors polarDecomposition(const Eigen::Matrix3d& g) {
    if (!g.allFinite() || !(g.determinant() > 0))
        throw Error("polar decomposition: expected a finite matrix with det > 0");
    PolarFactors f;
    f.spd = spectralMap(g * g.transpose(), [](double e) { return std::sqrt(e); });
    f.rotation = spectralMap(g * g.transpose(), [](double e) { return 1 / std::sqrt(e); }) * g;
    return f;
}

Eigen::Matrix3d expmSymmetric(const Eigen::Matrix3d& x) {
    return spectralMap(x, [](double e) { return std::exp(e); });
}

Eigen::Matrix3d logmSpd(const Eigen::Matrix3d& p) {
    return spectralMap(p, [](double e) { return std::log(e); });
}

Eigen::Matrix3d expmSkew(const Eigen::Matrix3d& w) {
    const Eigen::Vector3d axis(w(2, 1), w(0, 2), w(1, 0));
    if (axis.norm() < 1e-300) return Eigen::Matrix3d::Identity();
    return Eigen::AngleAxisd(axis.norm(), axis.normalized()).toRotationMatrix();
}

Eigen::Matrix3d logmRotation(const Eigen::Matrix3d& r) {
    const Eigen::AngleAxisd aa(r);
    return hat(aa.angle() * aa.axis());
}

double conditionNumber(const Eigen::Matrix3d& g) {
    const Eigen::Vector3d e =
        Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d>(g * g.transpose()).eigenvalues();
    return std::sqrt(e(2) / e(0));
}

Eigen::Matrix3d decompositionChart(const Eigen::Matrix3d& c) {
    return expmSymmetric(0.5 * (c + c.transpose())) * expmSkew(0.5 * (c - c.transpose()));
}

Eigen::Matrix3d decompositionCoordinates(const Eigen::Matrix3d& g) {
    const PolarFactors f = polarDecomposition(g);
    return logmSpd(f.spd) + logmRotation(f.rotation);
}

Eigen::Matrix3d sampleSymmetric(Rng& rng, double variance, bool traceless) {
    std::normal_distribution<double> diagonal(0.0, std::sqrt(variance)),
        offDiagonal(0.0, std::sqrt(variance / 2));
    Eigen::Matrix3d x;
    for (int i = 0; i < 3; ++i) {
        x(i, i) = diagonal(rng);
        for (int j = i + 1; j < 3; ++j) x(i, j) = x(j, i) = offDiagonal(rng);
    }
    if (traceless) x -= x.trace() / 3 * Eigen::Matrix3d::Identity();
    return x;
}

LinearPair sampleLinearPair(Rng& rng, double variance, bool special) {
    const Eigen::Matrix3d x = sampleSymmetric(rng, variance, special);
    const Eigen::Matrix3d r = haarRotation(rng);
    return {expmSymmetric(0.5 * x) * r, r.transpose() * expmSymmetric(-0.5 * x)};
}

Eigen::Matrix3d sampleWithCondition(Rng& rng, double condition) {
    if (!(condition >= 1)) throw Error("a condition number must be >= 1");
    const double half = 0.5 * std::log(condition);
    const double middle = std::uniform_real_distribution<double>(-half, half)(rng);
    const Eigen::Matrix3d v = haarRotation(rng);
    const Eigen::Matrix3d x = v * Eigen::Vector3d(-half, middle, half).asDiagonal() * v.transpose();
    return expmSymmetric(x) * haarRotation(rng);
}

} // namespace equiscope
