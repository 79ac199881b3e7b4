#include "train/TransformFamily.h"

#include "groups/Decomposition.h"
#include "groups/Group.h"
#include "util/Error.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

namespace equiscope {

namespace {

constexpr double kDegrees = 180.0 / 3.14159265358979323846;

double rotationAngle(const Eigen::Matrix3d& r) {
    return std::acos(std::clamp((r.trace() - 1.0) / 2.0, -1.0, 1.0));
}

FamilyElement drawElement(const std::string& name, Rng& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    FamilyElement e;
    if (name == "rotz") {
        const double angle = (2 * unit(rng) - 1) * M_PI;
        e.linear = Eigen::AngleAxisd(angle, Eigen::Vector3d::UnitZ()).toRotationMatrix();
        e.magnitude = std::abs(angle) * kDegrees;
    } else if (name == "rot") {
        e.linear = haarRotation(rng);
        e.magnitude = rotationAngle(e.linear) * kDegrees;
    } else if (name == "reflect") {
        std::normal_distribution<double> n;
        const Eigen::Vector3d normal = Eigen::Vector3d(n(rng), n(rng), n(rng)).normalized();
        e.linear = Eigen::Matrix3d::Identity() - 2 * normal * normal.transpose();
        e.magnitude = std::acos(std::abs(normal.z())) * kDegrees;
    } else if (name == "scale") {
        const double octaves = 2 * unit(rng) - 1;
        e.linear = std::exp2(octaves) * Eigen::Matrix3d::Identity();
        e.magnitude = std::abs(octaves);
    } else {
        const double condition = std::exp(unit(rng) * std::log(8.0));
        e.linear = sampleWithCondition(rng, condition);
        e.magnitude = condition;
    }
    return e;
}

} // namespace

const std::vector<std::string>& transformFamilyNames() {
    static const std::vector<std::string> names{"rotz", "rot", "reflect", "scale", "affine"};
    return names;
}

TransformFamily makeTransformFamily(const std::string& name, int size, uint64_t seed) {
    const auto& names = transformFamilyNames();
    const auto at = std::find(names.begin(), names.end(), name);
    if (at == names.end())
        throw Error("unknown transformation family '" + name +
                    "' (known: rotz, rot, reflect, scale, affine)");
    if (size < 1) throw Error("a transformation family needs at least one element");
    TransformFamily f;
    f.name = name;
    f.magnitudeName = name == "scale"     ? "|log2 s| (octaves)"
                      : name == "affine"  ? "condition number"
                      : name == "reflect" ? "normal's angle to z (degrees)"
                                          : "rotation angle (degrees)";
    f.unit = name == "scale" ? "octaves" : name == "affine" ? "" : "°";
    f.minMagnitude = name == "affine" ? 1.0 : 0.0;
    f.maxMagnitude = name == "scale" ? 1.0 : name == "affine" ? 8.0 : name == "reflect" ? 90 : 180;
    Rng rng(seed * 0x9e3779b97f4a7c15ULL + static_cast<uint64_t>(at - names.begin()));
    for (int i = 0; i < size; ++i) f.elements.push_back(drawElement(name, rng));
    return f;
}

std::vector<std::string> parseFamilyList(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string name; std::getline(in, name, ',');) {
        makeTransformFamily(name, 1, 0); // throws for an unknown name
        if (std::find(out.begin(), out.end(), name) != out.end())
            throw Error("transformation family '" + name + "' is named twice");
        out.push_back(name);
    }
    if (out.empty())
        throw Error("no transformation family named (known: rotz, rot, reflect, scale, affine)");
    return out;
}

std::vector<int64_t> magnitudeHistogram(const TransformFamily& family,
                                        const std::vector<double>& magnitudes, int bins) {
    std::vector<int64_t> counts(static_cast<std::size_t>(std::max(bins, 1)), 0);
    const double n = static_cast<double>(counts.size());
    for (double m : magnitudes) {
        const double t = (m - family.minMagnitude) / (family.maxMagnitude - family.minMagnitude);
        const double bin = std::clamp(std::floor(t * n), 0.0, n - 1); // NaN stays NaN: skipped
        if (bin >= 0) counts[static_cast<std::size_t>(bin)]++;
    }
    return counts;
}

} // namespace equiscope
