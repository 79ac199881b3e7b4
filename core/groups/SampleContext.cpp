#include "groups/Group.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace equiscope {

SampleContext sampleContext(const Sample& sample) {
    SampleContext c;
    const Field* pos = sample.find(Sample::kPositions);
    if (pos && pos->shape.size() == 2 && pos->width() == 3) {
        const int64_t n = pos->rows();
        c.nodes = n;
        double mean[3] = {0, 0, 0};
        for (int64_t r = 0; r < n; ++r)
            for (int k = 0; k < 3; ++k) mean[k] += pos->at(r, k) / static_cast<double>(n);
        double sum2 = 0;
        for (int64_t r = 0; r < n; ++r)
            for (int k = 0; k < 3; ++k) sum2 += std::pow(pos->at(r, k) - mean[k], 2);
        c.scale = std::max(1e-12, std::sqrt(sum2 / static_cast<double>(std::max<int64_t>(n, 1))));
    } else {
        c.nodes = sample.nodeCount();
    }
    if (const auto it = sample.metadata.find("time_span"); it != sample.metadata.end()) {
        char* end = nullptr;
        const double span = std::strtod(it->second.c_str(), &end);
        if (end != it->second.c_str() && std::isfinite(span)) c.timeSpan = std::max(1.0, span);
    }
    return c;
}

} // namespace equiscope
