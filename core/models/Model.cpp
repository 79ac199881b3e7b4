#include "models/Model.h"

#include "util/Error.h"

#include <ATen/core/Tensor.h>

namespace equiscope {

at::Tensor Model::partition(const at::Tensor&, const at::Tensor&) {
    throw Error("model " + name() + " predicts no partition (model-format.md: partition())");
}

} // namespace equiscope
