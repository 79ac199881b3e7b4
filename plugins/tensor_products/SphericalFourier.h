#pragma once
// Batched change of basis between spherical-harmonic coefficients (e3nn's flat layout, one
// channel per degree: [..., (L+1)²]) and 2D Fourier grids ([..., 2L+1, 2L+1], complex,
// row θ-frequency t + L, column φ-frequency v + L), with core/harmonics' float64 tables.
// Both cost O(L³) per channel: the coefficient y^{lm}_{t,v} is non-zero only for v = ±m.

#include <ATen/core/Tensor.h>

namespace equiscope::tp {

at::Tensor shToFourierBatched(const at::Tensor& sh, int lmax);

// Projects a grid of any odd size (frequencies -G..G) onto the harmonics of degrees 0..lmax.
at::Tensor fourierToShBatched(const at::Tensor& grid, int lmax);

} // namespace equiscope::tp
