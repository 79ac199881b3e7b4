#include "models/Features.h"

#include "util/Error.h"

namespace equiscope {

namespace {

std::string onOffer(const Sample& s) {
    std::string out;
    for (const Field& f : s.fields)
        if (f.shape.size() == 2 && f.name != Sample::kPositions)
            out += (out.empty() ? "" : ", ") + f.name + " (" + std::string(fieldTypeName(f.type)) +
                   ", width " + std::to_string(f.width()) + ")";
    return out.empty() ? "none" : out;
}

FeatureSelection concatenate(const Sample& s, const std::vector<const Field*>& fields) {
    FeatureSelection out;
    const int64_t n = s.nodeCount();
    for (const Field* f : fields) out.width += f->width();
    out.values.resize(static_cast<std::size_t>(n * out.width));
    int64_t column = 0;
    for (const Field* f : fields) {
        if (f->type == FieldType::Time) out.timeColumns.push_back(column);
        column += f->width();
    }
    for (int64_t r = 0; r < n; ++r) {
        int64_t c = 0;
        for (const Field* f : fields)
            for (int64_t k = 0; k < f->width(); ++k) out.values[r * out.width + c++] = f->at(r, k);
    }
    for (const Field* f : fields)
        out.description += (out.description.empty() ? "" : ", ") + f->name;
    return out;
}

} // namespace

FeatureSelection selectFeatures(const Sample& s, int featureDim,
                                const std::vector<std::string>& requested) {
    const int64_t n = s.nodeCount();
    if (!requested.empty()) {
        std::vector<const Field*> fields;
        for (const auto& name : requested) {
            const Field* f = s.find(name);
            if (!f || f->shape.size() != 2 || f->rows() != n)
                throw Error(
                    "feature field '" + name +
                    "' is not a per-node field of the data (fields on offer: " + onOffer(s) + ")");
            fields.push_back(f);
        }
        FeatureSelection out = concatenate(s, fields);
        if (out.width != featureDim)
            throw Error("the model expects F = " + std::to_string(featureDim) +
                        " feature channels but " + out.description + " give " +
                        std::to_string(out.width));
        return out;
    }
    if (featureDim == 0) return {{}, 0, "(none)", {}};
    std::vector<const Field*> scalars;
    for (const Field& f : s.fields)
        if (f.name != Sample::kPositions && f.type == FieldType::Scalar && f.shape.size() == 2 &&
            f.rows() == n)
            scalars.push_back(&f);
    int64_t width = 0;
    for (const Field* f : scalars) width += f->width();
    if (!scalars.empty() && width == featureDim) return concatenate(s, scalars);
    if (scalars.empty() && featureDim == 1)
        return {std::vector<double>(static_cast<std::size_t>(n), 1.0), 1, "ones", {}};
    throw Error("the model expects F = " + std::to_string(featureDim) +
                " feature channels; choose fields with --features (fields on offer: " + onOffer(s) +
                ")");
}

} // namespace equiscope
