#include "data/Subsample.h"

#include "util/Error.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace equiscope {

std::vector<int64_t> seededSubset(int64_t nodeCount, int64_t count, uint64_t seed) {
    std::vector<int64_t> all(static_cast<std::size_t>(std::max<int64_t>(nodeCount, 0)));
    std::iota(all.begin(), all.end(), int64_t{0});
    if (count >= nodeCount) return all;
    std::mt19937_64 random(seed);
    // A partial Fisher-Yates shuffle: the first `count` entries are a uniform subset.
    for (int64_t i = 0; i < count; ++i) {
        std::uniform_int_distribution<int64_t> pick(i, nodeCount - 1);
        std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(pick(random))]);
    }
    all.resize(static_cast<std::size_t>(std::max<int64_t>(count, 0)));
    std::sort(all.begin(), all.end());
    return all;
}

namespace {

// Keeps the rows `nodes` of a per-node field ([N, C] or [T, N, C]).
Field keepRows(const Field& field, const std::vector<int64_t>& nodes) {
    Field out = field;
    const int64_t rows = field.rows(), width = field.width();
    const int64_t frames = field.shape.size() == 3 ? field.shape[0] : 1;
    out.shape[out.shape.size() - 2] = static_cast<int64_t>(nodes.size());
    out.values.clear();
    out.values.reserve(static_cast<std::size_t>(frames) * nodes.size() *
                       static_cast<std::size_t>(width));
    for (int64_t t = 0; t < frames; ++t)
        for (int64_t node : nodes) {
            const auto first = field.values.begin() + (t * rows + node) * width;
            out.values.insert(out.values.end(), first, first + width);
        }
    return out;
}

} // namespace

Sample restrictToNodes(const Sample& sample, const std::vector<int64_t>& nodes) {
    const int64_t n = sample.nodeCount();
    std::vector<int64_t> renumbered(static_cast<std::size_t>(n), -1);
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        if (nodes[k] < 0 || nodes[k] >= n || (k > 0 && nodes[k] <= nodes[k - 1]))
            throw Error("restrictToNodes: node indices must be increasing and below " +
                        std::to_string(n));
        renumbered[static_cast<std::size_t>(nodes[k])] = static_cast<int64_t>(k);
    }
    Sample out;
    out.kind = sample.kind;
    out.frameFields = sample.frameFields;
    out.metadata = sample.metadata;
    for (const Field& f : sample.fields)
        out.fields.push_back(f.shape.size() >= 2 && f.rows() == n ? keepRows(f, nodes) : f);
    for (int64_t node : nodes)
        if (!sample.parts.empty())
            out.parts.push_back(sample.parts[static_cast<std::size_t>(node)]);
    const int64_t edges = sample.edgeCount();
    std::vector<int64_t> kept, sources, targets;
    for (int64_t e = 0; e < edges; ++e) {
        const int64_t s = renumbered[static_cast<std::size_t>(sample.edgeIndex[e])];
        const int64_t t = renumbered[static_cast<std::size_t>(sample.edgeIndex[edges + e])];
        if (s < 0 || t < 0) continue;
        kept.push_back(e);
        sources.push_back(s);
        targets.push_back(t);
    }
    out.edgeIndex = sources;
    out.edgeIndex.insert(out.edgeIndex.end(), targets.begin(), targets.end());
    for (const Field& f : sample.edgeFields) out.edgeFields.push_back(keepRows(f, kept));
    return out;
}

} // namespace equiscope
