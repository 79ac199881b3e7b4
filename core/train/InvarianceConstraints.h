#pragma once
// The two pieces of invariance-constrained learning (methods.md 7.1, Hounie, Chamon and
// Ribeiro 2023) that do not depend on the model: the independent Metropolis-Hastings
// sampler over a finite set of transformations (Algorithm 1) and the dual variable's
// projected ascent step (Algorithm 2). Torch-free.

#include "groups/Group.h"

#include <functional>
#include <vector>

namespace equiscope {

// Whether a proposal replaces the current state: with probability
// min(1, proposalLoss / currentLoss), decided by `uniform` in [0, 1). A current loss of 0
// always moves. The chain's stationary law is then proportional to the loss itself.
bool acceptProposal(double currentLoss, double proposalLoss, double uniform);

// One chain per sample of a batch over a set of `setSize` transformations.
struct MhChains {
    std::vector<int> state;   // the element each chain ends on
    std::vector<double> loss; // its loss there
    int64_t proposed = 0, accepted = 0;
};

// For each sample b, `losses(indices)[b]` is its loss under element indices[b] (one
// batched evaluation per call). The chains start at uniform draws and take `steps`
// uniform proposals each: 1 + steps calls in all.
using BatchLosses = std::function<std::vector<double>(const std::vector<int>& indices)>;
MhChains runIndependentMh(int batch, int setSize, int steps, Rng& rng, const BatchLosses& losses);

// gamma <- max(0, gamma + step (constraintLoss - epsilon)).
double dualAscent(double gamma, double step, double constraintLoss, double epsilon);

} // namespace equiscope
