#pragma once
// Real coupling coefficients in e3nn's basis: wigner3j(l1, l2, l3) is e3nn's wigner_3j (the
// complex Clebsch-Gordan coefficients taken to the real basis, Frobenius norm 1), and
// gaunt(l1, l2, l3) the integrals ∫ Y_l1m1 Y_l2m2 Y_l3m3 dΩ of orthonormal harmonics.

#include <vector>

namespace equiscope {

// A (2l1+1) x (2l2+1) x (2l3+1) tensor, index (i, j, k) at (i * d2 + j) * d3 + k.
struct CouplingTensor {
    int l1 = 0, l2 = 0, l3 = 0;
    std::vector<double> values;
    double at(int i, int j, int k) const {
        return values[static_cast<std::size_t>((i * (2 * l2 + 1) + j) * (2 * l3 + 1) + k)];
    }
};

// Degrees up to which the coefficients are computed (and tested).
constexpr int kMaxCouplingDegree = 32;

bool triangleHolds(int l1, int l2, int l3);

// Throws Error when (l1, l2, l3) breaks the triangle rule. Cached; safe from any thread.
const CouplingTensor& wigner3j(int l1, int l2, int l3);

// Gaunt = gauntWeight × wigner3j (methods.md §6(g)); zero when l1 + l2 + l3 is odd.
double gauntWeight(int l1, int l2, int l3);
CouplingTensor gaunt(int l1, int l2, int l3);

} // namespace equiscope
