#include "egnn/BatchedEdges.h"

#include "egnn/KnnGraph.h"

#include <torch/torch.h>

namespace equiscope {

BatchedEdges fullEdges(const at::Tensor& pos) {
    const int64_t b = pos.size(0), n = pos.size(1);
    const auto longs = torch::TensorOptions().dtype(torch::kInt64).device(pos.device());
    const torch::Tensor i = torch::arange(n, longs).repeat_interleave(n),
                        j = torch::arange(n, longs).repeat(n);
    const torch::Tensor keep = i != j;
    const torch::Tensor offsets = (torch::arange(b, longs) * n).unsqueeze(1);
    return {(i.masked_select(keep).unsqueeze(0) + offsets).reshape(-1),
            (j.masked_select(keep).unsqueeze(0) + offsets).reshape(-1),
            std::max<int64_t>(n - 1, 0)};
}

BatchedEdges knnEdges(const at::Tensor& pos, int64_t k) {
    const int64_t b = pos.size(0), n = pos.size(1);
    const torch::Tensor cpu = pos.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    k = std::max<int64_t>(std::min(k, n - 1), 0);
    std::vector<int64_t> rows, cols;
    rows.reserve(static_cast<std::size_t>(b * n * k));
    cols.reserve(rows.capacity());
    for (int64_t e = 0; e < b; ++e) {
        const std::vector<int64_t> nb = knnGraph(cpu[e].data_ptr<double>(), n, k);
        for (int64_t i = 0; i < n; ++i)
            for (int64_t m = 0; m < k; ++m) {
                rows.push_back(e * n + i);
                cols.push_back(e * n + nb[static_cast<std::size_t>(i * k + m)]);
            }
    }
    const auto longs = torch::TensorOptions().dtype(torch::kInt64);
    return {torch::tensor(rows, longs).to(pos.device()),
            torch::tensor(cols, longs).to(pos.device()), k};
}

} // namespace equiscope
