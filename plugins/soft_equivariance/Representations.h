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

// A channel's scale weight w: scaling by s multiplies it by s^w. By default a channel has
// its rank's weight (scalar 0, vector 1, tensor2 2); a direction-like vector (a vector divided
// by a length) has weight 0 while it still rotates as a vector.
constexpr int kNaturalWeight = -1;
int naturalWeight(Channel c);

// rho(A) on a channel for a 3x3 group element A = s R (s > 0, R orthogonal):
// s^w times (scalar 1, vector R, tensor2 R (x) R).
Eigen::MatrixXd groupAction(Channel c, const Eigen::Matrix3d& a, int weight = kNaturalWeight);
// d rho(X) on a channel for a Lie algebra element X = a I + K (K traceless):
// w a I plus (scalar 0, vector K, tensor2 K(x)I + I(x)K).
Eigen::MatrixXd algebraAction(Channel c, const Eigen::Matrix3d& x, int weight = kNaturalWeight);

// Orthonormal basis (columns) of the G-equivariant maps from `in` to `out`, as vectors of
// the row-major dim(out) x dim(in) matrix. Singular values below 1e-6 times the largest
// constraint singular value (or 1e-9 absolute) count as zero.
Eigen::MatrixXd equivariantBasis(const CandidateGroup& g, Channel in, Channel out,
                                 int inWeight = kNaturalWeight, int outWeight = kNaturalWeight);

} // namespace equiscope::per
