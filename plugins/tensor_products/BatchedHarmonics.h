#pragma once
// Real spherical harmonics of directions as tensors, for edge vectors inside models:
// [..., 3] -> [..., (L+1)²] in e3nn's basis and order (the same functions as
// core/harmonics/SphericalHarmonics.h), integral normalisation; a zero vector gives Y_0 only.

#include <ATen/core/Tensor.h>

namespace equiscope::tp {

at::Tensor sphericalHarmonicsBatched(const at::Tensor& vectors, int lmax);

} // namespace equiscope::tp
