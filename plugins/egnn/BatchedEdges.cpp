#include "egnn/BatchedEdges.h"

#include "egnn/KnnGraph.h"
#include "models/DistanceGraphs.h"

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

namespace {

// The kNN graph of x relabelled for each row's element: output node i is x's node
// source(i), so its neighbours are x's neighbours of source(i), each at its new place.
BatchedEdges reusedKnnEdges(const DistanceBatch& batch, const at::Tensor& pos, int64_t k) {
    const int64_t b = pos.size(0), n = pos.size(1);
    const std::vector<int64_t>& graph =
        batch.graphs->graph("knn " + std::to_string(k), [k](const double* xyz, int64_t nodes) {
            return knnGraph(xyz, nodes, k);
        });
    const auto longs = torch::TensorOptions().dtype(torch::kInt64);
    const torch::Tensor neighbours =
        torch::from_blob(const_cast<int64_t*>(graph.data()), {n, k}, longs);
    const torch::Tensor rows = torch::arange(n, longs).repeat_interleave(k);
    std::vector<torch::Tensor> row, col;
    for (int64_t e = 0; e < b; ++e) {
        const std::vector<int64_t>& p = (*batch.elements)[static_cast<std::size_t>(e)].permutation;
        torch::Tensor cols = neighbours.reshape(-1);
        if (!p.empty()) {
            const torch::Tensor source = torch::tensor(p, longs);
            const torch::Tensor place =
                torch::empty({n}, longs)
                    .scatter_(0, source, torch::arange(n, longs)); // x's node v sits at place[v]
            cols = place.index_select(0, neighbours.index_select(0, source).reshape(-1));
        }
        row.push_back(rows + e * n);
        col.push_back(cols + e * n);
    }
    return {torch::cat(row).to(pos.device()), torch::cat(col).to(pos.device()), k};
}

} // namespace

BatchedEdges knnEdges(const at::Tensor& pos, int64_t k) {
    const int64_t b = pos.size(0), n = pos.size(1);
    if (const DistanceBatch* batch = distanceBatchFor(pos))
        return reusedKnnEdges(*batch, pos, std::max<int64_t>(std::min(k, n - 1), 0));
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
