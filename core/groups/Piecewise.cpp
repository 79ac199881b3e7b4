#include "groups/Piecewise.h"

#include "groups/Action.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <unordered_map>

namespace equiscope {

Partition compactPartition(const std::vector<int64_t>& labels) {
    Partition p;
    std::unordered_map<int64_t, int64_t> ids;
    p.labels.reserve(labels.size());
    for (int64_t l : labels) {
        const auto [it, added] = ids.emplace(l, p.parts);
        if (added) ++p.parts;
        p.labels.push_back(it->second);
    }
    return p;
}

std::vector<Eigen::Vector3d> partCentroids(const Field& positions, const Partition& partition) {
    std::vector<Eigen::Vector3d> sum(static_cast<std::size_t>(partition.parts),
                                     Eigen::Vector3d::Zero());
    std::vector<double> count(sum.size(), 0.0);
    for (int64_t i = 0; i < positions.rows(); ++i) {
        const auto j = static_cast<std::size_t>(partition.labels[static_cast<std::size_t>(i)]);
        sum[j] += Eigen::Vector3d(positions.at(i, 0), positions.at(i, 1), positions.at(i, 2));
        count[j] += 1;
    }
    for (std::size_t j = 0; j < sum.size(); ++j) sum[j] /= std::max(count[j], 1.0);
    return sum;
}

std::vector<GroupElement> samplePiecewiseE3(Rng& rng, const Field& positions,
                                            const Partition& partition, double translationScale) {
    const auto centroids = partCentroids(positions, partition);
    const auto o3 = makeGroup("O3");
    std::normal_distribution<double> g(0.0, translationScale);
    std::vector<GroupElement> out;
    for (const Eigen::Vector3d& c : centroids) {
        const GroupElement turn = o3->sample(rng, {});
        // x -> A (x - c) + c + t
        const Eigen::Vector3d t(g(rng), g(rng), g(rng));
        out.push_back({turn.linear, c - turn.linear * c + t, {}, 0});
    }
    return out;
}

Sample transformPiecewise(const Sample& sample, const Partition& partition,
                          const std::vector<GroupElement>& elements) {
    const int64_t n = sample.nodeCount();
    if (static_cast<int64_t>(partition.labels.size()) != n)
        throw Error("the partition labels " + std::to_string(partition.labels.size()) +
                    " nodes but the data has " + std::to_string(n));
    if (static_cast<int64_t>(elements.size()) != partition.parts)
        throw Error("PiecewiseE3 needs one element per part: " + std::to_string(partition.parts) +
                    " parts, " + std::to_string(elements.size()) + " elements");
    Sample out = sample;
    for (Field& f : out.fields) {
        if (f.shape.size() < 2) continue;
        const int64_t width = f.width();
        std::vector<Eigen::MatrixXd> m;
        for (const GroupElement& g : elements) m.push_back(fieldMatrix(f.type, width, f.irreps, g));
        const int64_t rows = static_cast<int64_t>(f.values.size()) / std::max<int64_t>(width, 1);
        for (int64_t r = 0; r < rows; ++r) {
            const auto j =
                static_cast<std::size_t>(partition.labels[static_cast<std::size_t>(r % n)]);
            Eigen::Map<Eigen::VectorXd> row(f.values.data() + r * width, width);
            row = m[j] * row;
            if (f.type == FieldType::Position) row += elements[j].translation;
        }
    }
    return out;
}

} // namespace equiscope
