#pragma once
// Representations of the candidate groups of PER (methods.md section 1) on typed channels,
// and the nullspace solver that gives each (layer, group) pair its equivariant subspace.
//
// A channel type is a scalar (1), a vector (3) or a rank-2 tensor (9, row-major). A group is
// given by generators: Lie algebra elements X (continuous part; scale is X = I) and discrete
// elements h (e.g. -I for O(3), a mirror for O(2)). A linear map W from type a to type b is
// G-equivariant when rho_b(X) W = W rho_a(X) for every X and rho_b(h) W = W rho_a(h) for every h.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace equiscope::per {

enum class Channel { Scalar = 1, Vector = 3, Tensor2 = 9 };
int dimension(Channel c);

struct CandidateGroup {
    std::string name;                      // "O3", "O2z", "SO3*Scale", ...
    std::vector<Eigen::Matrix3d> algebra;  // Lie generators acting on R^3
    std::vector<Eigen::Matrix3d> discrete; // discrete generators (orthogonal)
    bool scale = false;                    // the uniform scaling generator X = I
};

// "O3", "SO3", "O2x", "O2y", "O2z", "SO2z", "Scale", "SO3*Scale".
CandidateGroup candidateGroup(const std::string& name);

// rho(A) on a channel for a 3x3 group element A (scalar 1, vector A, tensor2 A (x) A).
Eigen::MatrixXd groupAction(Channel c, const Eigen::Matrix3d& a);
// d rho(X) on a channel for a Lie algebra element X (scalar 0, vector X, tensor2 X(x)I + I(x)X),
// `scaleWeight`: scalars carry weight 0 under scaling, vectors 1, tensors 2 (all follow from X =
// I).
Eigen::MatrixXd algebraAction(Channel c, const Eigen::Matrix3d& x);

// Orthonormal basis (columns) of the G-equivariant maps from `in` to `out`, as vectors of
// the row-major dim(out) x dim(in) matrix. Singular values below 1e-6 times the largest
// constraint singular value (or 1e-9 absolute) count as zero.
Eigen::MatrixXd equivariantBasis(const CandidateGroup& g, Channel in, Channel out);

} // namespace equiscope::per
