#pragma once
// Spherical functions band-limited to degree L as 2D Fourier series on the torus:
// f(θ, φ) = Σ F[t, v] e^{i(tθ + vφ)}, t, v = -L..L, with θ the polar angle from e3nn's y axis
// and φ = atan2(x, z) (e3nn's β and α). A product of two functions is then a 2D convolution of
// their grids (methods.md §6). The tables are computed here in float64, cached per degree.

#include <Eigen/Core>
#include <complex>
#include <vector>

namespace equiscope {

using ComplexVector = std::vector<std::complex<double>>;

// Change of basis from orthonormal harmonics (e3nn order, flat index i = l² + l + m) to the
// Fourier grid. The coefficient y^{lm}_{t,v} is non-zero only for v = ±|m|:
// plus[i][t + L] at column +|m|, minus[i][t + L] at column -|m| (all zero when m = 0).
struct ShToFourier {
    int lmax = 0;
    std::vector<ComplexVector> plus, minus;
};

// The projection back: y_i = Re Σ_t (F[t, +|m|] plus[i][t + G] + F[t, -|m|] minus[i][t + G])
// for a grid of frequencies -G..G (minus is zero when m = 0).
struct FourierToSh {
    int gridDegree = 0, lmax = 0;
    std::vector<ComplexVector> plus, minus;
};

// Both throw Error above kMaxFourierDegree; cached, safe from any thread.
const ShToFourier& shToFourierTable(int lmax);
const FourierToSh& fourierToShTable(int gridDegree, int lmax);
constexpr int kMaxFourierDegree = 64;

// Float64 reference path (the batched path is in plugins/tensor_products).
// Grids are (2L+1) x (2L+1), row t + L, column v + L.
Eigen::MatrixXcd shToFourier(const Eigen::VectorXd& sh, int lmax);
Eigen::VectorXd fourierToSh(const Eigen::MatrixXcd& grid, int lmax);
Eigen::MatrixXcd convolve2d(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b);
std::complex<double> evaluateFourier(const Eigen::MatrixXcd& grid, double theta, double phi);

} // namespace equiscope
