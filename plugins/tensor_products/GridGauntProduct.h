#pragma once
// The Gaunt product through the sphere itself: both inputs synthesised on a Gauss-Legendre ×
// equiangular grid exact for the product's degree, multiplied pointwise, and projected back.
// Both transforms are separable (a Legendre step per order m, then a trigonometric step),
// so the cost is O(L³) per channel in a few matrix products (no FFT): on CPUs this is the fast
// Gaunt product; the FFT route of GauntProduct.h is the paper's. Same layouts and result.

#include <ATen/core/Tensor.h>
#include <Eigen/Core>

namespace equiscope::tp {

class GridGauntProduct {
  public:
    // Tables are built once, on the device and dtype of `like`.
    GridGauntProduct(int l1max, int l2max, int l3max, const at::Tensor& like);
    at::Tensor operator()(const at::Tensor& x, const at::Tensor& y) const;

  private:
    struct Degree {
        int lmax = 0;
        at::Tensor legendre;  // [L+1, 2L+1, nθ]: √2 K P_l^|m|(cos θ_j) (K P for m = 0), padded
        at::Tensor azimuth;   // [2L+1, nφ]: cos mφ (m > 0), 1, sin |m|φ (m < 0)
        at::Tensor positions; // flat index l² + l + m -> padded l (2L+1) + m + L
    };
    Degree degree(int lmax, const Eigen::VectorXd& polarCosines, const at::Tensor& like) const;
    at::Tensor synthesise(const at::Tensor& sh, const Degree& d) const; // [B, nθ, nφ]

    int nTheta_ = 0, nPhi_ = 0;
    Degree in1_, in2_, out_;
    at::Tensor quadrature_; // [nθ]: Gauss-Legendre weights × 2π / nφ
};

} // namespace equiscope::tp
