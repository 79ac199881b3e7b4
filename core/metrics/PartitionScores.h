#pragma once
// Scores for predicted partitions and their uncertainty (issue 7); no torch.

#include <cstdint>
#include <vector>

namespace equiscope {

// Mean IoU of a predicted partition against the truth: parts are matched one-to-one,
// greedily by the largest IoU first; a true part left unmatched counts 0. Labels are any
// integers (part ids carry no meaning across the two partitions).
double matchedMeanIou(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth);

// The fraction of nodes whose predicted part holds nodes of more than one true part: 0
// exactly when the prediction is a subpartition of the truth (methods.md 2(b): a "bad"
// partition is one that is not).
double mixedFraction(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth);

// Spearman's rank correlation (ties get their average rank); 0 when either side is constant.
double spearman(const std::vector<double>& a, const std::vector<double>& b);

} // namespace equiscope
