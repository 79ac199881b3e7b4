#pragma once
// Data-parallel training over a Collective: every rank starts from rank 0's weights, takes
// its share of every batch, and steps with the gradients summed over the ranks, so R ranks
// take the steps one process takes on the whole batch. Each rank's loss must be its share
// of the whole batch's loss: its examples' terms divided by the *global* batch size, and the
// terms that do not depend on the data divided by the rank count. Includes torch: for the
// trainers' .cpp files only.

#include "train/Collective.h"

#include <functional>
#include <torch/torch.h>
#include <utility>

namespace equiscope {

// This rank's [begin, end) of `count` items: contiguous, sizes differing by at most one.
std::pair<int64_t, int64_t> rankShare(const Collective& collective, int64_t count);

// This rank's share of the mean squared error over the whole batch `idx` of (inputs,
// targets): `predict` runs on its slice of rows only; the squared errors are divided by the
// whole batch's element count. One process: torch::mse_loss on the batch, as before.
torch::Tensor
shareOfMeanSquaredError(const Collective& collective, const torch::Tensor& idx,
                        const torch::Tensor& targets,
                        const std::function<torch::Tensor(const torch::Tensor& rows)>& predict);

// Every rank's parameters set to rank 0's.
void broadcastParameters(Collective& collective, torch::nn::Module& module);

// Sums every parameter's gradient over the ranks (a missing one counts as zeros), and
// `value` with them (a loss to log); returns the summed value.
double allReduceGradients(Collective& collective, torch::nn::Module& module, double value);

} // namespace equiscope
