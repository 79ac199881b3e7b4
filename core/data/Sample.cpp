#include "data/Sample.h"

#include "util/Error.h"

namespace equiscope {

std::string_view sampleKindName(SampleKind kind) {
    switch (kind) {
    case SampleKind::Points:
        return "points";
    case SampleKind::Graph:
        return "graph";
    case SampleKind::Trajectory:
        return "trajectory";
    }
    return "unknown";
}

int64_t Sample::nodeCount() const {
    if (const Field* pos = find(kPositions)) return pos->rows();
    return fields.empty() ? 0 : fields.front().rows();
}

int64_t Sample::frameCount() const {
    const Field* pos = find(kPositions);
    return pos && pos->shape.size() == 3 ? pos->shape[0] : 1;
}

const Field* Sample::find(const std::string& name) const {
    for (const Field& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

const Field& Sample::positions() const {
    if (const Field* pos = find(kPositions)) return *pos;
    throw Error("the sample has no positions (field 'pos')");
}

void Sample::setField(Field field) {
    if (!fields.empty() && field.shape.size() >= 2 && field.rows() != nodeCount())
        throw Error("field '" + field.name + "' has " + std::to_string(field.rows()) +
                    " rows but the sample has " + std::to_string(nodeCount()) + " nodes");
    for (Field& f : fields)
        if (f.name == field.name) {
            f = std::move(field);
            return;
        }
    if (field.name == kPositions)
        fields.insert(fields.begin(), std::move(field));
    else
        fields.push_back(std::move(field));
}

Dataset Dataset::of(Sample sample) {
    Dataset d;
    d.samples.push_back(std::move(sample));
    return d;
}

} // namespace equiscope
