#pragma once
// Edges of a batch of point clouds as tensors of flattened node indices (e * n + i): all
// ordered pairs, or each node's k nearest neighbours (KnnGraph, built on the CPU). Every
// node has the same number of outgoing edges, `perNode`.

#include <ATen/core/Tensor.h>
#include <cstdint>

namespace equiscope {

struct BatchedEdges {
    at::Tensor row, col; // int64 [E] on the device of the positions
    int64_t perNode = 0;
};

BatchedEdges fullEdges(const at::Tensor& pos);           // pos [B, N, 3]
BatchedEdges knnEdges(const at::Tensor& pos, int64_t k); // k capped at N - 1

} // namespace equiscope
