#pragma once
// The decomposition of GL+(3) of methods.md section 5 (Mironenco & Forre 2024): every
// g with det g > 0 factors uniquely as g = P R, P = (g g^T)^{1/2} symmetric positive
// definite and R in SO(3). The global chart Phi(X + W) = expm(X) expm(W) takes a symmetric
// X and a skew W; its inverse xi^{-1}(g) = log P + log R. Samplers draw R from the Haar
// measure and P through expm of a random symmetric matrix.

#include "groups/Group.h"

#include <Eigen/Core>

namespace equiscope {

struct PolarFactors {
    Eigen::Matrix3d spd = Eigen::Matrix3d::Identity();      // P
    Eigen::Matrix3d rotation = Eigen::Matrix3d::Identity(); // R
};

// g = P R; throws Error when det g <= 0 or g is not finite.
PolarFactors polarDecomposition(const Eigen::Matrix3d& g);

// expm and logm of a symmetric (positive definite, for the log) matrix, exact through
// its eigen-decomposition; expm and logm of a skew matrix / rotation (angle in [0, pi]).
Eigen::Matrix3d expmSymmetric(const Eigen::Matrix3d& x);
Eigen::Matrix3d logmSpd(const Eigen::Matrix3d& p);
Eigen::Matrix3d expmSkew(const Eigen::Matrix3d& w);
Eigen::Matrix3d logmRotation(const Eigen::Matrix3d& r);

// The ratio of the largest to the smallest singular value of g.
double conditionNumber(const Eigen::Matrix3d& g);

// Phi: gl(3) -> GL+(3), expm(sym part) expm(skew part), and its inverse xi^{-1}.
Eigen::Matrix3d decompositionChart(const Eigen::Matrix3d& coordinates);
Eigen::Matrix3d decompositionCoordinates(const Eigen::Matrix3d& g);

// A symmetric matrix from the Gaussian orthogonal ensemble: diagonal entries of variance
// `variance`, off-diagonal ones of half of it, so its law is invariant under X -> Q X Q^T;
// traceless (for SL(3)) when `traceless`.
Eigen::Matrix3d sampleSymmetric(Rng& rng, double variance, bool traceless);

// g = expm(X/2) R with X from sampleSymmetric and R Haar, and its inverse
// R^T expm(-X/2) (the Lie-algebra samples negated, as rgenn's sample_pair). The law is
// invariant under g -> Q g and g -> g Q for rotations Q (not under stretches: GL+(3)
// has no invariant probability measure).
struct LinearPair {
    Eigen::Matrix3d element = Eigen::Matrix3d::Identity(), inverse = Eigen::Matrix3d::Identity();
};
LinearPair sampleLinearPair(Rng& rng, double variance, bool special);

// An element P R of GL+(3) whose stretch P = expm(V diag(a) V^T) has condition number
// exactly `condition`: V and R Haar, log-eigenvalues -L/2, u, L/2 with L = log condition
// and u uniform in between (so det P lies in [1/sqrt(c), sqrt(c)]).
Eigen::Matrix3d sampleWithCondition(Rng& rng, double condition);

} // namespace equiscope
