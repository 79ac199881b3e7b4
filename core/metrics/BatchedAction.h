#pragma once
// The group action on batches of float64 tensors on any device, built from fieldMatrix so
// that it is the same convention as the host action. Includes torch: metrics .cpp only.

#include "groups/GroupElement.h"
#include "models/ModelSpec.h"

#include <torch/torch.h>
#include <vector>

namespace equiscope {

// g_b . X for positions X [N,3]: [B,N,3].
torch::Tensor transformPositions(const std::vector<GroupElement>& elements,
                                 const torch::Tensor& positions);

// g_b . feat for per-node feature rows [N,C]: [B,N,C]. Rows are permuted; the columns in
// `timeColumns` (clock readings) are shifted by the element's time shift; the rest are
// invariant.
torch::Tensor transformFeatures(const std::vector<GroupElement>& elements,
                                const torch::Tensor& rows, const std::vector<int64_t>& timeColumns);

// g_b . y for model outputs y [1 or B, N, C] (per node) or [1 or B, C] (per graph) of the
// spec's output type: [B, ...].
torch::Tensor transformOutputs(const std::vector<GroupElement>& elements, const torch::Tensor& y,
                               const ModelSpec& spec);

} // namespace equiscope
