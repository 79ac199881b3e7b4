#include "metrics/PartitionScores.h"

#include "groups/Piecewise.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace equiscope {

namespace {

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
        const double average = 0.5 * static_cast<double>(i + j);
        for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
        i = j + 1;
    }
    return r;
}

} // namespace

double matchedMeanIou(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth) {
    if (predicted.size() != truth.size() || truth.empty())
        throw Error("mean IoU: the partitions label " + std::to_string(predicted.size()) + " and " +
                    std::to_string(truth.size()) + " nodes");
    const Partition p = compactPartition(predicted), t = compactPartition(truth);
    const auto kp = static_cast<std::size_t>(p.parts), kt = static_cast<std::size_t>(t.parts);
    std::vector<double> both(kp * kt, 0.0), sizeP(kp, 0.0), sizeT(kt, 0.0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const auto a = static_cast<std::size_t>(p.labels[i]),
                   b = static_cast<std::size_t>(t.labels[i]);
        both[a * kt + b] += 1;
        sizeP[a] += 1;
        sizeT[b] += 1;
    }
    std::vector<bool> usedP(kp, false), usedT(kt, false);
    double total = 0;
    for (std::size_t round = 0; round < std::min(kp, kt); ++round) {
        double best = -1;
        std::size_t ba = 0, bb = 0;
        for (std::size_t a = 0; a < kp; ++a)
            for (std::size_t b = 0; b < kt; ++b) {
                if (usedP[a] || usedT[b]) continue;
                const double iou = both[a * kt + b] / (sizeP[a] + sizeT[b] - both[a * kt + b]);
                if (iou > best) best = iou, ba = a, bb = b;
            }
        usedP[ba] = usedT[bb] = true;
        total += best;
    }
    return total / static_cast<double>(kt);
}

double mixedFraction(const std::vector<int64_t>& predicted, const std::vector<int64_t>& truth) {
    if (predicted.size() != truth.size() || truth.empty())
        throw Error("mixed fraction: the partitions label " + std::to_string(predicted.size()) +
                    " and " + std::to_string(truth.size()) + " nodes");
    const Partition p = compactPartition(predicted);
    // The true part first seen in each predicted part, or -1 once a second one appears.
    std::vector<int64_t> owner(static_cast<std::size_t>(p.parts), -2);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        int64_t& o = owner[static_cast<std::size_t>(p.labels[i])];
        if (o == -2)
            o = truth[i];
        else if (o != truth[i])
            o = -1;
    }
    std::size_t mixed = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        mixed += owner[static_cast<std::size_t>(p.labels[i])] == -1;
    return static_cast<double>(mixed) / static_cast<double>(truth.size());
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) throw Error("spearman: the two samples differ in length");
    if (a.size() < 2) return 0;
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / static_cast<double>(ra.size()),
                 mb = std::accumulate(rb.begin(), rb.end(), 0.0) / static_cast<double>(rb.size());
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

} // namespace equiscope
