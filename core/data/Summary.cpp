#include "data/Summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace equiscope {

DatasetSummary summarize(const Dataset& dataset) {
    DatasetSummary s;
    if (dataset.samples.empty()) return s;
    const Sample& first = dataset.samples.front();
    s.kind = first.kind;
    s.frames = first.frameCount();
    s.graphs = first.kind == SampleKind::Graph ? static_cast<int64_t>(dataset.samples.size()) : 0;
    for (const Field& f : first.fields) s.fields.push_back({f.name, f.type, f.width()});

    constexpr double inf = std::numeric_limits<double>::infinity();
    s.bboxMin = {inf, inf, inf};
    s.bboxMax = {-inf, -inf, -inf};
    std::array<double, 3> sum{};
    int64_t finite = 0;
    for (const Sample& sample : dataset.samples) {
        s.nodes += sample.nodeCount();
        s.faces += sample.faces.count();
        s.edges += sample.edgeCount();
        const Field* pos = sample.find(Sample::kPositions);
        if (!pos || pos->width() != 3) continue;
        const int64_t rows = static_cast<int64_t>(pos->values.size()) / 3;
        for (int64_t r = 0; r < rows; ++r) {
            const double* p = &pos->values[r * 3];
            if (!std::isfinite(p[0]) || !std::isfinite(p[1]) || !std::isfinite(p[2])) {
                ++s.nonFinitePositions;
                continue;
            }
            for (int k = 0; k < 3; ++k) {
                s.bboxMin[k] = std::min(s.bboxMin[k], p[k]);
                s.bboxMax[k] = std::max(s.bboxMax[k], p[k]);
                sum[k] += p[k];
            }
            ++finite;
        }
    }
    s.hasBounds = finite > 0;
    if (s.hasBounds) {
        for (int k = 0; k < 3; ++k) s.centroid[k] = sum[k] / static_cast<double>(finite);
    } else {
        s.bboxMin = s.bboxMax = s.centroid = {0, 0, 0};
    }
    return s;
}

} // namespace equiscope
