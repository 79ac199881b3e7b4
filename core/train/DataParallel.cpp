#include "train/DataParallel.h"

#include <algorithm>
#include <vector>

namespace equiscope {

namespace {

// The tensors as one float64 vector on the CPU, and back into them.
std::vector<double> flatten(const std::vector<torch::Tensor>& tensors) {
    std::vector<double> out;
    for (const torch::Tensor& t : tensors) {
        const torch::Tensor flat = t.detach().to(torch::kCPU, torch::kFloat64).contiguous();
        out.insert(out.end(), flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel());
    }
    return out;
}

void unflatten(const std::vector<double>& values, std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard noGrad;
    std::size_t at = 0;
    for (torch::Tensor& t : tensors) {
        const auto n = static_cast<std::size_t>(t.numel());
        const torch::Tensor part =
            torch::from_blob(const_cast<double*>(values.data() + at), {t.numel()}, torch::kFloat64);
        t.copy_(part.view(t.sizes()).to(t.device(), t.scalar_type()));
        at += n;
    }
}

} // namespace

std::pair<int64_t, int64_t> rankShare(const Collective& collective, int64_t count) {
    const int64_t r = collective.rank(), R = collective.size();
    return {count * r / R, count * (r + 1) / R};
}

torch::Tensor
shareOfMeanSquaredError(const Collective& collective, const torch::Tensor& idx,
                        const torch::Tensor& targets,
                        const std::function<torch::Tensor(const torch::Tensor& rows)>& predict) {
    if (!collective.distributed())
        return torch::mse_loss(predict(idx), targets.index_select(0, idx));
    const auto [begin, end] = rankShare(collective, idx.size(0));
    const torch::Tensor mine = idx.narrow(0, begin, end - begin);
    const int64_t perRow = targets.numel() / std::max<int64_t>(1, targets.size(0));
    return (predict(mine) - targets.index_select(0, mine)).pow(2).sum() /
           static_cast<double>(idx.size(0) * perRow);
}

void broadcastParameters(Collective& collective, torch::nn::Module& module) {
    if (!collective.distributed()) return;
    std::vector<torch::Tensor> params = module.parameters();
    std::vector<double> values = flatten(params);
    collective.broadcastFromRoot(values.data(), values.size());
    unflatten(values, params);
}

double allReduceGradients(Collective& collective, torch::nn::Module& module, double value) {
    if (!collective.distributed()) return value;
    std::vector<torch::Tensor> grads;
    for (torch::Tensor& p : module.parameters()) {
        if (!p.grad().defined()) p.mutable_grad() = torch::zeros_like(p);
        grads.push_back(p.grad());
    }
    std::vector<double> values = flatten(grads);
    values.push_back(value);
    collective.allReduceSum(values.data(), values.size());
    value = values.back();
    values.pop_back();
    unflatten(values, grads);
    return value;
}

} // namespace equiscope
