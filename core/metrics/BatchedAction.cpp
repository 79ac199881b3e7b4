#include "metrics/BatchedAction.h"

#include "groups/Action.h"
#include "util/Error.h"

namespace equiscope {

namespace {

// Built on the host, returned on `device`.
torch::Tensor stackMatrices(const std::vector<GroupElement>& elements, FieldType type, int64_t c,
                            const std::string& irreps, const torch::Device& device) {
    torch::Tensor m = torch::empty({static_cast<int64_t>(elements.size()), c, c}, torch::kFloat64);
    auto a = m.accessor<double, 3>();
    for (std::size_t b = 0; b < elements.size(); ++b) {
        const Eigen::MatrixXd mat = fieldMatrix(type, c, irreps, elements[b]);
        for (int64_t i = 0; i < c; ++i)
            for (int64_t j = 0; j < c; ++j) a[static_cast<int64_t>(b)][i][j] = mat(i, j);
    }
    return m.to(device);
}

torch::Tensor translations(const std::vector<GroupElement>& elements, const torch::Device& device) {
    torch::Tensor t = torch::empty({static_cast<int64_t>(elements.size()), 3}, torch::kFloat64);
    auto a = t.accessor<double, 2>(); // element-wise tensor indexing costs microseconds per call
    for (std::size_t b = 0; b < elements.size(); ++b)
        for (int k = 0; k < 3; ++k) a[static_cast<int64_t>(b)][k] = elements[b].translation(k);
    return t.to(device);
}

bool anyPermutation(const std::vector<GroupElement>& elements) {
    for (const auto& e : elements)
        if (!e.permutation.empty()) return true;
    return false;
}

// Rows of x [B,N,C] reordered per element: out[b,i] = x[b, p_b[i]].
torch::Tensor gatherRows(const std::vector<GroupElement>& elements, const torch::Tensor& x) {
    if (!anyPermutation(elements)) return x;
    const int64_t b = x.size(0), n = x.size(1);
    torch::Tensor index = torch::arange(n, torch::kInt64).repeat({b, 1});
    for (int64_t e = 0; e < b; ++e) {
        const auto& p = elements[static_cast<std::size_t>(e)].permutation;
        if (p.empty()) continue;
        if (static_cast<int64_t>(p.size()) != n)
            throw Error("a permutation of " + std::to_string(p.size()) + " nodes cannot act on " +
                        std::to_string(n) + " nodes");
        index[e] = torch::tensor(p, torch::kInt64);
    }
    return torch::gather(x, 1, index.to(x.device()).unsqueeze(-1).expand({b, n, x.size(2)}));
}

} // namespace

torch::Tensor transformPositions(const std::vector<GroupElement>& elements,
                                 const torch::Tensor& positions) {
    const torch::Tensor a = stackMatrices(elements, FieldType::Position, 3, "", positions.device());
    const torch::Tensor moved = torch::einsum("bij,nj->bni", {a, positions}) +
                                translations(elements, positions.device()).unsqueeze(1);
    return gatherRows(elements, moved);
}

torch::Tensor transformFeatures(const std::vector<GroupElement>& elements,
                                const torch::Tensor& rows,
                                const std::vector<int64_t>& timeColumns) {
    const auto b = static_cast<int64_t>(elements.size());
    torch::Tensor out = gatherRows(
        elements, rows.unsqueeze(0).expand({b, rows.size(0), rows.size(1)}).contiguous());
    if (timeColumns.empty()) return out;
    torch::Tensor shifts = torch::empty({b}, torch::kFloat64);
    auto a = shifts.accessor<double, 1>();
    for (int64_t e = 0; e < b; ++e) a[e] = elements[static_cast<std::size_t>(e)].timeShift;
    shifts = shifts.to(rows.device()).view({b, 1});
    if (out.data_ptr() == rows.data_ptr()) out = out.clone();
    for (int64_t c : timeColumns) out.select(2, c).add_(shifts);
    return out;
}

torch::Tensor transformOutputs(const std::vector<GroupElement>& elements, const torch::Tensor& y,
                               const ModelSpec& spec) {
    const int64_t b = static_cast<int64_t>(elements.size());
    const int64_t c = y.size(-1);
    const torch::Tensor m = stackMatrices(elements, spec.output, c, spec.outputIrreps, y.device());
    const torch::Tensor rows = spec.perNode ? y : y.unsqueeze(1); // [1|B, R, C]
    torch::Tensor out = torch::einsum("bij,brj->bri", {m, rows.expand({b, rows.size(1), c})});
    if (spec.output == FieldType::Position)
        out = out + translations(elements, y.device()).unsqueeze(1);
    if (!spec.perNode) return out.squeeze(1);
    return gatherRows(elements, out);
}

} // namespace equiscope
