#pragma once
// The Clebsch-Gordan tensor product of spherical-harmonic coefficients, one channel per
// degree (layouts as GauntProduct.h), computed path by path as e3nn does:
// z_{l3} += w(l1, l2, l3) · Σ C^{l1 l2 l3}_{ijk} x_{l1 i} y_{l2 j}, with C e3nn's wigner_3j.

#include <ATen/core/Tensor.h>
#include <functional>
#include <vector>

namespace equiscope::tp {

using PathWeight = std::function<double(int l1, int l2, int l3)>;

// Above this degree the path-by-path product is refused: its set-up alone takes minutes.
constexpr int kMaxCgDegree = 16;

// w = gauntWeight: zero on odd paths, and then the product equals the Gaunt product.
double gauntPathWeight(int l1, int l2, int l3);
// w = 1 on every path the triangle rule allows, odd ones included.
double unitPathWeight(int l1, int l2, int l3);

class CgTensorProduct {
  public:
    // The coupling tensors are built once, on the device and dtype of `like`.
    CgTensorProduct(int l1max, int l2max, int l3max, const PathWeight& weight,
                    const at::Tensor& like);
    at::Tensor operator()(const at::Tensor& x, const at::Tensor& y) const;
    std::size_t pathCount() const { return paths_.size(); }

  private:
    struct Path {
        int l1, l2, l3;
        at::Tensor coupling; // [2l1+1, (2l2+1)(2l3+1)], scaled by the path weight
    };
    int l1max_, l2max_, l3max_;
    std::vector<Path> paths_;
};

} // namespace equiscope::tp
