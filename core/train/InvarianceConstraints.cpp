#include "train/InvarianceConstraints.h"

#include "util/Error.h"

#include <algorithm>
#include <random>

namespace equiscope {

bool acceptProposal(double currentLoss, double proposalLoss, double uniform) {
    if (!(currentLoss > 0)) return true;
    return uniform * currentLoss < proposalLoss;
}

MhChains runIndependentMh(int batch, int setSize, int steps, Rng& rng, const BatchLosses& losses) {
    if (batch < 1 || setSize < 1 || steps < 0)
        throw Error("Metropolis-Hastings: needs a batch, a non-empty set and steps >= 0");
    std::uniform_int_distribution<int> draw(0, setSize - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    MhChains c;
    c.state.resize(static_cast<std::size_t>(batch));
    for (int& s : c.state) s = draw(rng);
    c.loss = losses(c.state);
    std::vector<int> proposal(c.state.size());
    for (int step = 0; step < steps; ++step) {
        for (int& p : proposal) p = draw(rng);
        const std::vector<double> proposed = losses(proposal);
        for (std::size_t b = 0; b < proposal.size(); ++b) {
            ++c.proposed;
            if (!acceptProposal(c.loss[b], proposed[b], unit(rng))) continue;
            ++c.accepted;
            c.state[b] = proposal[b];
            c.loss[b] = proposed[b];
        }
    }
    return c;
}

double dualAscent(double gamma, double step, double constraintLoss, double epsilon) {
    return std::max(0.0, gamma + step * (constraintLoss - epsilon));
}

} // namespace equiscope
