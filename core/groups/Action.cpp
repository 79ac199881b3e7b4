#include "groups/Action.h"

#include "groups/Irreps.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <unsupported/Eigen/KroneckerProduct>

namespace equiscope {

Eigen::MatrixXd fieldMatrix(FieldType type, int64_t width, const std::string& irreps,
                            const GroupElement& g) {
    const Eigen::Matrix3d& a = g.linear;
    switch (type) {
    case FieldType::Scalar:
    case FieldType::Categorical:
    case FieldType::Time:
        return Eigen::MatrixXd::Identity(width, width);
    case FieldType::Vector:
    case FieldType::Position:
        return a;
    case FieldType::Pseudovector:
        return a.determinant() * a.inverse().transpose();
    case FieldType::Tensor2:
        return Eigen::kroneckerProduct(a, a).eval();
    case FieldType::Irreps: {
        const Irreps parsed = Irreps::parse(irreps);
        if (parsed.dim() != width)
            throw Error("irreps '" + irreps + "' has dimension " + std::to_string(parsed.dim()) +
                        " but the field has width " + std::to_string(width));
        return irrepsMatrix(parsed, a);
    }
    }
    throw Error("unknown field type");
}

Field transformField(const Field& field, const GroupElement& g, int64_t nodes) {
    const int64_t width = field.width();
    const Eigen::MatrixXd m = fieldMatrix(field.type, width, field.irreps, g);
    const bool perNode = field.shape.size() >= 2;
    const int64_t rows = static_cast<int64_t>(field.values.size()) / std::max<int64_t>(width, 1);
    const int64_t perFrame = perNode ? field.rows() : 1;
    if (perNode && !g.permutation.empty() && static_cast<int64_t>(g.permutation.size()) != nodes)
        throw Error("a permutation of " + std::to_string(g.permutation.size()) +
                    " nodes cannot act on " + std::to_string(nodes) + " nodes");
    Field out = field;
    for (int64_t r = 0; r < rows; ++r) {
        // Row r of the output comes from row source(r) of the same frame.
        const int64_t frame = r / perFrame, i = r % perFrame;
        const int64_t src = perNode ? frame * perFrame + g.source(i) : r;
        Eigen::Map<const Eigen::VectorXd> in(field.values.data() + src * width, width);
        Eigen::Map<Eigen::VectorXd> dst(out.values.data() + r * width, width);
        dst = m * in;
        if (field.type == FieldType::Position) dst += g.translation;
        if (field.type == FieldType::Time) dst.array() += g.timeShift;
    }
    return out;
}

Sample transformSample(const Sample& sample, const GroupElement& g) {
    Sample out = sample;
    const int64_t n = sample.nodeCount();
    for (Field& f : out.fields) f = transformField(f, g, n);
    if (!g.permutation.empty()) {
        const GroupElement inv = g.inverse();
        for (std::size_t i = 0; i < out.parts.size(); ++i)
            out.parts[i] =
                sample.parts[static_cast<std::size_t>(g.source(static_cast<int64_t>(i)))];
        for (int64_t& v : out.edgeIndex) v = inv.source(v); // old node v is now at inv(v)
        for (int64_t& v : out.faces.indices) v = inv.source(v);
    }
    return out;
}

} // namespace equiscope
