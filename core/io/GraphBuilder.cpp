#include "io/GraphBuilder.h"

#include <algorithm>

namespace equiscope {

int64_t GraphBuilder::node(const std::string& name) {
    const auto [it, added] = index_.emplace(name, nodes());
    if (added) names_.push_back(name);
    return it->second;
}

bool GraphBuilder::edge(int64_t a, int64_t b) {
    const auto lo = static_cast<uint64_t>(directed_ ? a : std::min(a, b)),
               hi = static_cast<uint64_t>(directed_ ? b : std::max(a, b));
    if (!seen_.insert(lo << 32 | hi).second) return false;
    from_.push_back(a);
    to_.push_back(b);
    return true;
}

void GraphBuilder::finish(Sample& sample) {
    sample.kind = SampleKind::Graph;
    sample.metadata["directed"] = directed_ ? "true" : "false";
    sample.edgeIndex = std::move(from_);
    sample.edgeIndex.insert(sample.edgeIndex.end(), to_.begin(), to_.end());
    from_.clear();
    to_.clear();
}

Field categoricalField(const std::string& name, const std::vector<std::string>& labels) {
    std::unordered_map<std::string, int> codes;
    std::vector<std::string> categories;
    std::vector<double> values;
    values.reserve(labels.size());
    for (const std::string& l : labels) {
        const auto [it, added] = codes.emplace(l, static_cast<int>(categories.size()));
        if (added) categories.push_back(l);
        values.push_back(it->second);
    }
    Field f = Field::perNode(name, FieldType::Categorical, static_cast<int64_t>(labels.size()), 1,
                             std::move(values), Storage::Integer);
    f.categories = std::move(categories);
    return f;
}

} // namespace equiscope
