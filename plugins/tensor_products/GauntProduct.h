#pragma once
// Gaunt tensor products (methods.md §6) of spherical-harmonic coefficients in e3nn's flat
// layout, one channel per degree: x [..., (L1+1)²] and y [..., (L2+1)²] give z [..., (L3+1)²]
// with z_{l3 m3} = Σ G^{l3 m3}_{l1 m1, l2 m2} x_{l1 m1} y_{l2 m2} (integral normalisation:
// the coefficients of the band-limited product of the two spherical functions). Leading
// dimensions (batch, channels) are batched; CPU and CUDA; float32 or float64.

#include <ATen/core/Tensor.h>
#include <vector>

namespace equiscope::tp {

// sh2f → zero-pad → FFT → multiply → inverse FFT → f2sh: O(L³) per channel.
at::Tensor gauntProductFft(const at::Tensor& x, int l1max, const at::Tensor& y, int l2max,
                           int l3max);

// The direct contraction with the Gaunt coefficients: the O(L⁶) reference. The dense
// coefficient tensor is built once, on the device and dtype of `like`.
class DenseGauntProduct {
  public:
    DenseGauntProduct(int l1max, int l2max, int l3max, const at::Tensor& like);
    at::Tensor operator()(const at::Tensor& x, const at::Tensor& y) const;

  private:
    int l1max_, l2max_, l3max_;
    at::Tensor coefficients_; // [(L1+1)² (L2+1)², (L3+1)²]
};

// The ν-fold product x ⊗_G x ⊗_G … (ν factors) by repeated multiplication in Fourier space.
at::Tensor gauntPowerFft(const at::Tensor& x, int lmax, int nu, int lmaxOut);

// Multiplies each degree l's block by weights[l] (the per-degree weights of §6(b)).
at::Tensor scaleDegrees(const at::Tensor& x, int lmax, const std::vector<double>& weights);

} // namespace equiscope::tp
