#pragma once
// e3nn-style irreps strings ("8x0e+4x1o+2x2e") and their O(3) representation matrices.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace equiscope {

struct Irrep {
    int multiplicity = 1;
    int l = 0;
    int parity = 1; // +1 even (e), -1 odd (o)
    int dim() const { return 2 * l + 1; }
};

struct Irreps {
    std::vector<Irrep> terms;
    int dim() const;
    static Irreps parse(const std::string& text); // throws Error naming the bad term
};

// Degrees supported by wignerD (e3nn's real basis is reproduced for l <= 2).
constexpr int kMaxIrrepDegree = 2;

// D^l(R) in e3nn's real basis for a rotation R (l = 1 is R itself in x, y, z order; l = 2
// acts on (sqrt3 xz, sqrt3 xy, y^2 - (x^2+z^2)/2, sqrt3 yz, sqrt3/2 (z^2 - x^2))).
Eigen::MatrixXd wignerD(int l, const Eigen::Matrix3d& rotation);

// The block-diagonal matrix of an orthogonal A on the whole irreps vector; improper A
// contributes det(A)^(parity odd). Throws Error for non-orthogonal A or l > 2.
Eigen::MatrixXd irrepsMatrix(const Irreps& irreps, const Eigen::Matrix3d& a);

} // namespace equiscope
