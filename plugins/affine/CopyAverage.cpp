#include "affine/CopyAverage.h"

#include <torch/torch.h>

namespace equiscope {

at::Tensor averageOverCopies(Model& backbone, const at::Tensor& copies, const at::Tensor& feat,
                             const at::Tensor& edgeIndex) {
    const int64_t b = copies.size(0), k = copies.size(1), n = copies.size(2);
    const torch::Tensor f =
        feat.unsqueeze(1).expand({b, k, n, feat.size(-1)}).reshape({b * k, n, feat.size(-1)});
    const torch::Tensor y = backbone.forward(copies.reshape({b * k, n, 3}), f, edgeIndex);
    auto sizes = y.sizes().vec();
    sizes[0] = k;
    sizes.insert(sizes.begin(), b);
    return y.reshape(sizes).mean(1);
}

} // namespace equiscope
