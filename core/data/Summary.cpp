#include "data/Summary.h"

#include "util/CheckedMath.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace equiscope {

namespace {

std::string labelName(const Field& f, double code) {
    const auto i = wholeNumber(code, 0, INT64_MAX); // codes come from files: any double
    if (i && static_cast<uint64_t>(*i) < f.categories.size())
        return f.categories[static_cast<std::size_t>(*i)];
    char text[32];
    std::snprintf(text, sizeof text, "%g", code);
    return text;
}

// Categorical values of the first frame (rows * width values at the start).
void countLabels(const Sample& sample, DatasetSummary& s) {
    for (const Field& f : sample.fields) {
        if (f.type != FieldType::Categorical) continue;
        const std::size_t n = static_cast<std::size_t>(f.rows() * f.width());
        auto& counts = s.labelCounts[f.name];
        for (std::size_t i = 0; i < n && i < f.values.size(); ++i)
            ++counts[labelName(f, f.values[i])];
    }
    for (const Field& f : sample.edgeFields) {
        if (f.type != FieldType::Categorical) continue;
        auto& counts = s.labelCounts[f.name];
        for (double v : f.values) ++counts[labelName(f, v)];
    }
    for (const auto& [key, value] : sample.metadata)
        if (key == "graph_label") ++s.labelCounts["graph_label"][value];
}

} // namespace

DatasetSummary summarize(const Dataset& dataset) {
    DatasetSummary s;
    if (dataset.samples.empty()) return s;
    const Sample& first = dataset.samples.front();
    s.kind = first.kind;
    s.nodesPerFrame = first.nodeCount();
    s.graphs = first.kind == SampleKind::Graph ? static_cast<int64_t>(dataset.samples.size()) : 0;
    for (const Field& f : first.fields) s.fields.push_back({f.name, f.type, f.width()});

    constexpr double inf = std::numeric_limits<double>::infinity();
    s.bboxMin = {inf, inf, inf};
    s.bboxMax = {-inf, -inf, -inf};
    std::array<double, 3> sum{};
    int64_t finite = 0;
    s.frames = first.kind == SampleKind::Graph ? 1 : 0;
    for (const Sample& sample : dataset.samples) {
        s.nodes += sample.nodeCount();
        if (sample.kind != SampleKind::Graph) s.frames += sample.frameCount();
        if (sample.nodeCount() != s.nodesPerFrame) s.nodesPerFrame = -1;
        countLabels(sample, s);
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
    // Species in the first frame, in code order, out of the label counts.
    if (const auto it = s.labelCounts.find("species"); it != s.labelCounts.end()) {
        const Field* species = first.find("species");
        s.species.clear();
        for (std::size_t c = 0; species && c < species->categories.size(); ++c) {
            int64_t count = 0;
            const std::size_t n = static_cast<std::size_t>(species->rows() * species->width());
            for (std::size_t i = 0; i < n; ++i)
                count += species->values[i] == static_cast<double>(c);
            if (count > 0) s.species.emplace_back(species->categories[c], count);
        }
        s.labelCounts.erase(it);
    }
    // Identifier fields (every label once: node ids, joint names) say nothing as counts.
    for (auto it = s.labelCounts.begin(); it != s.labelCounts.end();) {
        const bool identifiers =
            it->second.size() > 1 && std::all_of(it->second.begin(), it->second.end(),
                                                 [](const auto& kv) { return kv.second == 1; });
        it = identifiers ? s.labelCounts.erase(it) : std::next(it);
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
