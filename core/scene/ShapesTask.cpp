// The splits of the shapes task (Shapes.h): seeds per sample, and the distortions of the
// test split.

#include "groups/Decomposition.h"
#include "groups/Group.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace equiscope {

namespace {

uint64_t mix(uint64_t x) { // splitmix64's finaliser
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t seedOf(uint64_t seed, uint64_t stream, uint64_t index) {
    return mix(mix(mix(seed) ^ stream) ^ index);
}

// The distortion of test sample `index` in a distorted split (`stream`: the split's own).
GroupElement distortion(const std::string& split, uint64_t seed, uint64_t stream, uint64_t index) {
    Rng rng(seedOf(seed, stream, index));
    if (split.rfind("affine_c", 0) == 0) {
        GroupElement g =
            GroupElement::linearMap(sampleWithCondition(rng, std::stod(split.substr(8))));
        std::normal_distribution<double> shift(0.0, 0.5);
        g.translation = Eigen::Vector3d(shift(rng), shift(rng), shift(rng));
        return g;
    }
    if (split == "rotation") return GroupElement::linearMap(haarRotation(rng));
    if (split == "reflection") {
        std::normal_distribution<double> n;
        const Eigen::Vector3d normal = Eigen::Vector3d(n(rng), n(rng), n(rng)).normalized();
        return GroupElement::linearMap(Eigen::Matrix3d::Identity() -
                                       2 * normal * normal.transpose());
    }
    const double s =
        std::exp(std::uniform_real_distribution<double>(-std::log(2.0), std::log(2.0))(rng));
    return GroupElement::linearMap(s * Eigen::Matrix3d::Identity());
}

void transform(Sample& s, const GroupElement& g) {
    Field pos = s.positions();
    for (int64_t i = 0; i < pos.rows(); ++i) {
        double* row = &pos.values[static_cast<std::size_t>(i * 3)];
        const Eigen::Vector3d x = g.apply(Eigen::Vector3d(row[0], row[1], row[2]));
        for (int k = 0; k < 3; ++k) row[k] = x(k);
    }
    s.setField(std::move(pos));
    s.metadata["distortion"] = g.describe();
}

} // namespace

const std::vector<std::string>& shapesSplits() {
    static const std::vector<std::string> splits{
        "train",     "val",       "test",     "affine_c1",  "affine_c2",
        "affine_c4", "affine_c8", "rotation", "reflection", "scale"};
    return splits;
}

Dataset makeShapesDataset(const std::string& split, uint64_t seed) {
    const auto& splits = shapesSplits();
    const auto at = std::find(splits.begin(), splits.end(), split);
    if (at == splits.end()) {
        std::string known;
        for (const auto& s : splits) known += (known.empty() ? "" : ", ") + s;
        throw Error("shapes: unknown split '" + split + "' (known: " + known + ")");
    }
    // Streams 0, 1, 2: train, val, test; a distorted split draws its test samples from
    // stream 2 and its distortions from its own.
    const auto stream = static_cast<uint64_t>(at - splits.begin());
    const int perClass = stream == 0 ? 32 : stream == 1 ? 8 : 16;
    Dataset d;
    d.source = "shapes:" + split + ":" + std::to_string(seed);
    d.format = "shapes";
    for (int i = 0; i < perClass * kShapeClasses; ++i) {
        const auto index = static_cast<uint64_t>(i);
        Sample s =
            sampleShapeClass(i % kShapeClasses, seedOf(seed, std::min<uint64_t>(stream, 2), index));
        if (stream > 2) transform(s, distortion(split, seed, stream, index));
        s.metadata["split"] = split;
        s.metadata["source"] = d.source;
        d.samples.push_back(std::move(s));
    }
    return d;
}

Dataset loadShapesSpec(const std::string& spec) {
    const std::string rest = spec.substr(std::min<std::size_t>(spec.size(), 7));
    if (spec.rfind("shapes:", 0) != 0 || rest.empty())
        throw Error("'" + spec + "': expected shapes:SPLIT or shapes:SPLIT:SEED");
    const std::size_t colon = rest.find(':');
    if (colon == std::string::npos) return makeShapesDataset(rest);
    const std::string seedText = rest.substr(colon + 1);
    char* end = nullptr;
    const uint64_t seed = std::strtoull(seedText.c_str(), &end, 10);
    if (seedText.empty() || *end != '\0' || seedText[0] == '-')
        throw Error("'" + spec + "': the seed after the split must be a whole number");
    return makeShapesDataset(rest.substr(0, colon), seed);
}

} // namespace equiscope
