#pragma once
// What both affine models do last: run the backbone on K transformed copies of each input
// in one batch and average its (invariant) outputs over the copies.

#include "models/Model.h"

namespace equiscope {

// copies [B, K, N, 3]; feat [B, N, F], shared by the copies; returns [B, C] or [B, N, C].
at::Tensor averageOverCopies(Model& backbone, const at::Tensor& copies, const at::Tensor& feat,
                             const at::Tensor& edgeIndex);

} // namespace equiscope
