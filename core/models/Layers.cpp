#include "models/Layers.h"

#include "util/Error.h"

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

std::vector<torch::Tensor> snapshotParameters(const torch::nn::Module& module) {
    std::vector<torch::Tensor> out;
    for (const auto& p : module.parameters()) out.push_back(p.detach().clone());
    return out;
}

void restoreParameters(torch::nn::Module& module, const std::vector<torch::Tensor>& snapshot) {
    if (snapshot.empty()) return;
    torch::NoGradGuard noGrad;
    const auto params = module.parameters();
    for (std::size_t i = 0; i < params.size() && i < snapshot.size(); ++i)
        params[i].copy_(snapshot[i]);
}

void saveTrainingState(const std::string& path, const torch::nn::Module& module,
                       const torch::optim::Optimizer& optimizer,
                       const std::vector<torch::Tensor>& best) {
    torch::serialize::OutputArchive archive, moments;
    module.save(archive);
    optimizer.save(moments);
    archive.write("optimizer", moments);
    archive.write("best_count", torch::tensor(static_cast<int64_t>(best.size())));
    for (std::size_t i = 0; i < best.size(); ++i)
        archive.write("best" + std::to_string(i), best[i]);
    archive.save_to(path);
}

void loadTrainingState(const std::string& path, torch::nn::Module& module,
                       torch::optim::Optimizer& optimizer, std::vector<torch::Tensor>& best,
                       const torch::Device& device) {
    try {
        torch::serialize::InputArchive archive, moments;
        archive.load_from(path, device);
        module.load(archive);
        archive.read("optimizer", moments);
        optimizer.load(moments);
        torch::Tensor count;
        archive.read("best_count", count);
        best.assign(static_cast<std::size_t>(count.item<int64_t>()), torch::Tensor());
        for (std::size_t i = 0; i < best.size(); ++i)
            archive.read("best" + std::to_string(i), best[i]);
    } catch (const c10::Error& e) {
        throw Error(path + ": not a training checkpoint of this model (" +
                    e.what_without_backtrace() + ")");
    }
}

} // namespace equiscope
