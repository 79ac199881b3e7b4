#pragma once
// Shared LibTorch building blocks for built-in models. Includes torch: only for .cpp files
// of models, never for headers that the GUI includes.

#include <torch/torch.h>
#include <vector>

namespace equiscope {

// Linear layers of the given sizes with SiLU between them (none after the last).
torch::nn::Sequential makeMlp(const std::vector<int64_t>& sizes, bool lastBias = true);

// Seeds LibTorch's generator and builds a module under a lock, so that the same seed
// gives the same weights however many models are built at once.
template <typename Build> auto buildSeeded(uint64_t seed, Build build) {
    static std::mutex lock;
    std::lock_guard<std::mutex> guard(lock);
    torch::manual_seed(seed);
    return build();
}

torch::TensorOptions tensorOptionsFor(bool float64, bool cuda);

// Copies of a module's parameters (model selection keeps the best epoch's weights), and
// putting such copies back; an empty snapshot restores nothing.
std::vector<torch::Tensor> snapshotParameters(const torch::nn::Module& module);
void restoreParameters(torch::nn::Module& module, const std::vector<torch::Tensor>& snapshot);

// A training checkpoint's tensors in one file: the module, the optimizer's moments and the
// kept best parameters. load throws Error naming the file when it is not such a file.
void saveTrainingState(const std::string& path, const torch::nn::Module& module,
                       const torch::optim::Optimizer& optimizer,
                       const std::vector<torch::Tensor>& best);
void loadTrainingState(const std::string& path, torch::nn::Module& module,
                       torch::optim::Optimizer& optimizer, std::vector<torch::Tensor>& best,
                       const torch::Device& device);

} // namespace equiscope
