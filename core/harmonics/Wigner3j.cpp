#include "harmonics/Wigner3j.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace equiscope {

namespace {

using Complex = std::complex<double>;

long double factorial(int n) {
    static const std::vector<long double> table = [] {
        std::vector<long double> t(4 * kMaxCouplingDegree + 2, 1.0L);
        for (std::size_t k = 1; k < t.size(); ++k) t[k] = t[k - 1] * static_cast<long double>(k);
        return t;
    }();
    return table[static_cast<std::size_t>(n)];
}

// <j1 m1 j2 m2 | j3 m3>, Condon-Shortley phase, by Racah's formula.
double su2ClebschGordan(int j1, int m1, int j2, int m2, int j3, int m3) {
    if (m1 + m2 != m3) return 0.0;
    const long double prefactor = std::sqrt(
        (2 * j3 + 1) * factorial(j3 + j1 - j2) * factorial(j3 - j1 + j2) * factorial(j1 + j2 - j3) /
        factorial(j1 + j2 + j3 + 1) * factorial(j3 + m3) * factorial(j3 - m3) * factorial(j1 - m1) *
        factorial(j1 + m1) * factorial(j2 - m2) * factorial(j2 + m2));
    long double sum = 0;
    for (int k = 0; k <= j1 + j2 - j3; ++k) {
        const int terms[5] = {j1 + j2 - j3 - k, j1 - m1 - k, j2 + m2 - k, j3 - j2 + m1 + k,
                              j3 - j1 - m2 + k};
        bool valid = true;
        long double denominator = factorial(k);
        for (int t : terms) {
            if (t < 0)
                valid = false;
            else
                denominator *= factorial(t);
        }
        if (valid) sum += (k % 2 == 0 ? 1 : -1) / denominator;
    }
    return static_cast<double>(prefactor * sum);
}

// e3nn's change_basis_real_to_complex(l): row = real index, column = complex index.
std::vector<Complex> realToComplex(int l) {
    const int d = 2 * l + 1;
    std::vector<Complex> q(static_cast<std::size_t>(d * d));
    auto at = [&](int row, int col) -> Complex& {
        return q[static_cast<std::size_t>(row * d + col)];
    };
    const double s = 1.0 / std::sqrt(2.0);
    const Complex i(0, 1);
    for (int m = -l; m < 0; ++m) {
        at(l + m, l - m) = s;
        at(l + m, l + m) = -i * s;
    }
    at(l, l) = 1.0;
    for (int m = 1; m <= l; ++m) {
        const double sign = m % 2 == 0 ? 1.0 : -1.0;
        at(l + m, l + m) = sign * s;
        at(l + m, l - m) = i * sign * s;
    }
    const Complex phase = std::pow(Complex(0, -1), l); // makes the coefficients real
    for (Complex& v : q) v *= phase;
    return q;
}

using Column = std::vector<std::pair<int, Complex>>; // (complex index, value)

// The non-zero entries (at most two) of each column of e3nn's change of basis Q for degree l.
std::vector<Column> changeOfBasisColumns(int l) {
    const int d = 2 * l + 1;
    const std::vector<Complex> q = realToComplex(l);
    std::vector<Column> columns(static_cast<std::size_t>(d));
    for (int row = 0; row < d; ++row)
        for (int col = 0; col < d; ++col)
            if (q[static_cast<std::size_t>(row * d + col)] != 0.0)
                columns[static_cast<std::size_t>(col)].emplace_back(
                    row, q[static_cast<std::size_t>(row * d + col)]);
    return columns;
}

CouplingTensor computeWigner3j(int l1, int l2, int l3) {
    const int d1 = 2 * l1 + 1, d2 = 2 * l2 + 1, d3 = 2 * l3 + 1;
    const std::vector<Column> q1 = changeOfBasisColumns(l1), q2 = changeOfBasisColumns(l2),
                              q3 = changeOfBasisColumns(l3);
    CouplingTensor c{l1, l2, l3, std::vector<double>(static_cast<std::size_t>(d1 * d2 * d3))};
    double norm = 0;
    // C[j, l, m] = Σ Q1[i, j] Q2[k, l] conj(Q3[n, m]) CG[i, k, n], as e3nn's _so3_clebsch_gordan;
    // each column of Q has two entries and CG vanishes off m1 + m2 = m3.
    for (int j = 0; j < d1; ++j)
        for (int l = 0; l < d2; ++l)
            for (int m = 0; m < d3; ++m) {
                Complex sum = 0;
                for (const auto& [i, a] : q1[static_cast<std::size_t>(j)])
                    for (const auto& [k, b] : q2[static_cast<std::size_t>(l)])
                        for (const auto& [n, e] : q3[static_cast<std::size_t>(m)])
                            if ((i - l1) + (k - l2) == n - l3)
                                sum += a * b * std::conj(e) *
                                       su2ClebschGordan(l1, i - l1, l2, k - l2, l3, n - l3);
                c.values[static_cast<std::size_t>((j * d2 + l) * d3 + m)] = sum.real();
                norm += sum.real() * sum.real();
            }
    for (double& v : c.values) v /= std::sqrt(norm);
    return c;
}

} // namespace

bool triangleHolds(int l1, int l2, int l3) {
    return l1 >= 0 && l2 >= 0 && l3 >= 0 && std::abs(l1 - l2) <= l3 && l3 <= l1 + l2;
}

const CouplingTensor& wigner3j(int l1, int l2, int l3) {
    if (std::max({l1, l2, l3}) > kMaxCouplingDegree)
        throw Error("wigner 3j: degrees above " + std::to_string(kMaxCouplingDegree) +
                    " are not supported");
    if (!triangleHolds(l1, l2, l3))
        throw Error("wigner 3j (" + std::to_string(l1) + ", " + std::to_string(l2) + ", " +
                    std::to_string(l3) + "): the degrees break the triangle rule");
    static std::mutex mutex;
    static std::map<std::tuple<int, int, int>, std::unique_ptr<CouplingTensor>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[{l1, l2, l3}];
    if (!slot) slot = std::make_unique<CouplingTensor>(computeWigner3j(l1, l2, l3));
    return *slot;
}

double gauntWeight(int l1, int l2, int l3) {
    if ((l1 + l2 + l3) % 2 != 0 || !triangleHolds(l1, l2, l3)) return 0.0;
    const double cg000 = su2ClebschGordan(l1, 0, l2, 0, l3, 0);
    // (l1 l2 l3; 0 0 0) = (-1)^(l1-l2) CG(l1 0 l2 0 | l3 0) / sqrt(2 l3 + 1); only |.| matters.
    const double threeJ = std::abs(cg000) / std::sqrt(2.0 * l3 + 1);
    return std::sqrt((2 * l1 + 1) * (2 * l2 + 1) * (2 * l3 + 1) / (4 * M_PI)) * threeJ;
}

CouplingTensor gaunt(int l1, int l2, int l3) {
    CouplingTensor g = wigner3j(l1, l2, l3);
    const double w = gauntWeight(l1, l2, l3);
    for (double& v : g.values) v *= w;
    return g;
}

} // namespace equiscope
