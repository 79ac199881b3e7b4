#include "StrengthAdjuster.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope::per {

void StrengthAdjuster::observe(int epoch, const std::vector<double>& r) {
    if (epoch < adjustEpoch_ - window_ || epoch > adjustEpoch_ + 1) return;
    if (++calls_ <= warmup_) return;
    if (!minimum_) {
        minimum_ = r;
        return;
    }
    bool improved = false;
    for (std::size_t j = 0; j < r.size() && j < minimum_->size(); ++j)
        improved = improved || r[j] < (*minimum_)[j];
    if (improved) minimum_ = r; // the whole vector, as the original does
}

bool StrengthAdjuster::adjust(int epoch, std::vector<double>& lambdas) const {
    if (epoch != adjustEpoch_ || !minimum_) return false;
    const std::vector<double>& rmin = *minimum_;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < lambdas.size(); ++j)
        if (lambdas[j] != 0) best = std::min(best, rmin[j]);
    if (!std::isfinite(best) || best <= 0) return false;
    for (std::size_t j = 0; j < lambdas.size(); ++j)
        if (lambdas[j] != 0) lambdas[j] /= std::pow(rmin[j] / best, exponent_);
    return true;
}

} // namespace equiscope::per
