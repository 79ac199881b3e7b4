#include "models/DistanceGraphs.h"

#include <ATen/core/Tensor.h>

namespace equiscope {

bool preservesDistances(const GroupElement& element) {
    return element.timeShift == 0 && element.isOrthogonal();
}

DistanceGraphs::DistanceGraphs(std::vector<double> xyz, int64_t nodes)
    : xyz_(std::move(xyz)), nodes_(nodes) {}

const std::vector<int64_t>& DistanceGraphs::graph(const std::string& key, const Builder& build) {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto it = graphs_.find(key);
    if (it == graphs_.end()) it = graphs_.emplace(key, build(xyz_.data(), nodes_)).first;
    return it->second;
}

int DistanceGraphs::builds() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(graphs_.size());
}

namespace {
thread_local const ScopedDistanceBatch* current = nullptr;
} // namespace

ScopedDistanceBatch::ScopedDistanceBatch(const at::Tensor& positions, DistanceGraphs& graphs,
                                         const std::vector<GroupElement>& elements)
    : batch_{&graphs, &elements}, data_(positions.data_ptr()), sizes_(positions.sizes().vec()),
      version_(positions._version()), previous_(current) {
    current = this;
}

ScopedDistanceBatch::~ScopedDistanceBatch() {
    current = previous_;
}

const DistanceBatch* distanceBatchFor(const at::Tensor& positions) {
    if (!current || !positions.defined() || positions.data_ptr() != current->data_ ||
        positions.sizes().vec() != current->sizes_ || positions._version() != current->version_)
        return nullptr;
    return &current->batch_;
}

} // namespace equiscope
