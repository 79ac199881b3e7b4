#pragma once
// e3nn-style irreps strings ("128x0e+64x1o+32x2e+16x3o", "1y" for parity (-1)^l) and their
// O(3) representation matrices, for every degree.

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
    int maxDegree() const;
    Irreps simplify() const;      // merges neighbouring equal irreps, drops multiplicity 0
    std::string toString() const; // e3nn's spelling, e.g. "2x0e+1x1o"
    static Irreps parse(const std::string& text); // throws Error naming the bad term
};

// Highest degree an irreps string may name (the harmonics are tested to it).
constexpr int kMaxIrrepDegree = 32;

// The block-diagonal matrix of an orthogonal A on the whole irreps vector: a block l p gets
// p^k D^l(R) with A = ±R, k = (1 - det A) / 2 (e3nn's D_from_matrix). Throws Error for a
// non-orthogonal A.
Eigen::MatrixXd irrepsMatrix(const Irreps& irreps, const Eigen::Matrix3d& a);

} // namespace equiscope
