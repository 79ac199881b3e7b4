#include "models/Layers.h"

namespace equiscope {

torch::nn::Sequential makeMlp(const std::vector<int64_t>& sizes, bool lastBias) {
    torch::nn::Sequential seq;
    for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
        const bool last = i + 2 == sizes.size();
        seq->push_back(torch::nn::Linear(
            torch::nn::LinearOptions(sizes[i], sizes[i + 1]).bias(!last || lastBias)));
        if (!last) seq->push_back(torch::nn::SiLU());
    }
    return seq;
}

torch::TensorOptions tensorOptionsFor(bool float64, bool cuda) {
    return torch::TensorOptions()
        .dtype(float64 ? torch::kFloat64 : torch::kFloat32)
        .device(cuda ? torch::kCUDA : torch::kCPU);
}

} // namespace equiscope
