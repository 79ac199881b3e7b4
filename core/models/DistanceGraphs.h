#pragma once
// Graphs that depend only on distances (a kNN graph) are the same for x and g.x when g
// preserves distances (orthogonal linear part, any translation and permutation, no time
// shift), up to relabelling the nodes. An Evaluator keeps one DistanceGraphs per sample
// and, while it runs the model on a batch of g.x for such elements, publishes the batch
// (ScopedDistanceBatch); a model's graph builder that is handed that very tensor builds
// the graph of x once (graph()) and relabels it for each element instead of rebuilding it.
// Tensors are forward-declared so this header stays light.

#include "groups/GroupElement.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace equiscope {

bool preservesDistances(const GroupElement& element);

// The graphs of one sample's positions x, by the builder's key (e.g. "knn 16").
class DistanceGraphs {
  public:
    using Builder = std::function<std::vector<int64_t>(const double* xyz, int64_t nodes)>;
    DistanceGraphs(std::vector<double> xyz, int64_t nodes);

    int64_t nodes() const { return nodes_; }
    // The graph under `key`, made by `build` on x the first time it is asked for.
    const std::vector<int64_t>& graph(const std::string& key, const Builder& build);
    int builds() const; // graphs built so far

  private:
    std::vector<double> xyz_; // [nodes,3] float64
    int64_t nodes_;
    mutable std::mutex mutex_;
    std::map<std::string, std::vector<int64_t>> graphs_;
};

// Row b of the published positions is elements[b] . x.
struct DistanceBatch {
    DistanceGraphs* graphs = nullptr;
    const std::vector<GroupElement>* elements = nullptr;
};

// Publishes `positions` ([B,N,3], row b = elements[b] . x, every element distance-
// preserving) on this thread for as long as it lives.
class ScopedDistanceBatch {
  public:
    ScopedDistanceBatch(const at::Tensor& positions, DistanceGraphs& graphs,
                        const std::vector<GroupElement>& elements);
    ~ScopedDistanceBatch();
    ScopedDistanceBatch(const ScopedDistanceBatch&) = delete;
    ScopedDistanceBatch& operator=(const ScopedDistanceBatch&) = delete;

  private:
    friend const DistanceBatch* distanceBatchFor(const at::Tensor& positions);
    DistanceBatch batch_;
    const void* data_;
    std::vector<int64_t> sizes_;
    int64_t version_;
    const ScopedDistanceBatch* previous_;
};

// The published batch if `positions` is its tensor (same storage, shape, and not modified
// since), else null: a wrapper that feeds its backbone other positions never matches.
const DistanceBatch* distanceBatchFor(const at::Tensor& positions);

} // namespace equiscope
