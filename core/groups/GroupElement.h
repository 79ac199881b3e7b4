#pragma once
// One element of any of our groups: an affine map x -> A x + t on R^3 together with a
// node permutation. Every group we offer (T3, SO3, O3, SE3, E3, SO2, Scale, GL3, SL3,
// Aff3, Perm and their products) is a subgroup of this.
//
// The convention, written once: points are column vectors, x -> A x + t. A [N,3] array
// with one point per row therefore transforms as X A^T + 1 t^T. A permutation p acts on
// rows: (g.X)_i = X_{p[i]}, i.e. output row i is input row p[i]. A time shift s moves
// clock readings (time fields) t -> t + s and nothing else.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace equiscope {

struct GroupElement {
    Eigen::Matrix3d linear = Eigen::Matrix3d::Identity();
    Eigen::Vector3d translation = Eigen::Vector3d::Zero();
    std::vector<int64_t> permutation; // empty: identity on any number of nodes
    double timeShift = 0;

    static GroupElement identity() { return {}; }
    static GroupElement linearMap(const Eigen::Matrix3d& a) {
        return {a, Eigen::Vector3d::Zero(), {}, 0};
    }
    static GroupElement shift(const Eigen::Vector3d& t) {
        return {Eigen::Matrix3d::Identity(), t, {}, 0};
    }

    // (this * other) acts as "other first, then this".
    GroupElement compose(const GroupElement& other) const;
    GroupElement inverse() const;

    Eigen::Vector3d apply(const Eigen::Vector3d& x) const { return linear * x + translation; }
    double det() const { return linear.determinant(); }
    bool isOrthogonal(double tolerance = 1e-9) const;
    // Source row of output row i (the identity when no permutation is set).
    int64_t source(int64_t i) const {
        return permutation.empty() ? i : permutation[static_cast<std::size_t>(i)];
    }
    // A 3x4 [A | t] matrix as text, plus "perm" when a permutation is present.
    std::string describe() const;
};

// Matrix exponential of an affine Lie-algebra element [[X, v], [0, 0]]: the one-parameter
// subgroup exp(s G) used by sweeps and Lie derivatives.
GroupElement exponential(const Eigen::Matrix3d& x, const Eigen::Vector3d& v, double s);

// Skew matrix of a vector: hat(a) b = a x b.
Eigen::Matrix3d hat(const Eigen::Vector3d& a);

} // namespace equiscope
