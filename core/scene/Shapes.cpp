// The surfaces of the shapes task (Shapes.h). Sphere, torus, box and figure are the demo
// scene's samplers; the others are sampled here, area-weighted where a shape has pieces.

#include "scene/Shapes.h"

#include "scene/DemoScene.h"
#include "util/Error.h"
#include "util/Math.h"

#include <Eigen/Core>
#include <Eigen/Geometry>
#include <cmath>
#include <random>

namespace equiscope {

namespace {

using Points = std::vector<Eigen::Vector3d>;
using Rng64 = std::mt19937_64;

double uniform(Rng64& rng, double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

Eigen::Vector3d unitVector(Rng64& rng) {
    std::normal_distribution<double> g;
    const Eigen::Vector3d v(g(rng), g(rng), g(rng));
    return v.norm() < 1e-12 ? Eigen::Vector3d::UnitZ() : v.normalized();
}

Points demoPoints(DemoShape shape, int64_t n, Rng64& rng) {
    const Sample s = sampleShape(shape, n, rng());
    const Field& p = s.positions();
    Points out;
    for (int64_t i = 0; i < p.rows(); ++i) out.emplace_back(p.at(i, 0), p.at(i, 1), p.at(i, 2));
    return out;
}

// A closed cylinder along z (radius r, height h), or a capsule (hemispherical caps).
Eigen::Vector3d cylinderPoint(double r, double h, bool capsule, Rng64& rng) {
    const double side = 2 * kPi * r * h, caps = capsule ? 4 * kPi * r * r : 2 * kPi * r * r;
    const double a = uniform(rng, 0, 2 * kPi);
    if (uniform(rng, 0, side + caps) < side)
        return {r * std::cos(a), r * std::sin(a), uniform(rng, -h / 2, h / 2)};
    if (capsule) {
        const Eigen::Vector3d u = unitVector(rng);
        return r * u + Eigen::Vector3d(0, 0, u.z() > 0 ? h / 2 : -h / 2);
    }
    const double rho = r * std::sqrt(uniform(rng, 0, 1));
    return {rho * std::cos(a), rho * std::sin(a), uniform(rng, 0, 1) < 0.5 ? -h / 2 : h / 2};
}

// A closed cone along z: base radius r at z = -h/2, apex at z = +h/2.
Eigen::Vector3d conePoint(double r, double h, Rng64& rng) {
    const double side = kPi * r * std::hypot(r, h), base = kPi * r * r;
    const double a = uniform(rng, 0, 2 * kPi), f = std::sqrt(uniform(rng, 0, 1));
    if (uniform(rng, 0, side + base) < side)
        return {f * r * std::cos(a), f * r * std::sin(a), h / 2 - f * h};
    return {f * r * std::cos(a), f * r * std::sin(a), -h / 2};
}

// A tube of radius 0.12 around a right-handed helix: 3 turns of radius 0.6, height 2.
Eigen::Vector3d helixPoint(Rng64& rng) {
    constexpr double radius = 0.6, height = 2.0, turns = 3, tube = 0.12;
    const double t = uniform(rng, 0, 2 * kPi * turns), c = height / (2 * kPi * turns);
    const Eigen::Vector3d centre(radius * std::cos(t), radius * std::sin(t), c * t - height / 2);
    const Eigen::Vector3d tangent =
        Eigen::Vector3d(-radius * std::sin(t), radius * std::cos(t), c).normalized();
    const Eigen::Vector3d normal(-std::cos(t), -std::sin(t), 0);
    const double phi = uniform(rng, 0, 2 * kPi);
    return centre + tube * (std::cos(phi) * normal + std::sin(phi) * tangent.cross(normal));
}

// The surface |x| + |y| + |z| = s: a uniform point of a random face.
Eigen::Vector3d octahedronPoint(double s, Rng64& rng) {
    Eigen::Vector3d w;
    for (int i = 0; i < 3; ++i) w(i) = -std::log(uniform(rng, 1e-300, 1));
    w /= w.sum();
    for (int i = 0; i < 3; ++i)
        if (uniform(rng, 0, 1) < 0.5) w(i) = -w(i);
    return s * w;
}

Points surfacePoints(int label, int64_t n, Rng64& rng) {
    if (label == 0) return demoPoints(DemoShape::Sphere, n, rng);
    if (label == 2) return demoPoints(DemoShape::Torus, n, rng);
    if (label == 3) return demoPoints(DemoShape::Box, n, rng);
    if (label == 7) return demoPoints(DemoShape::Composite, n, rng);
    Points out;
    for (int64_t i = 0; i < n; ++i) {
        switch (label) {
        case 1:
            out.push_back(unitVector(rng).cwiseProduct(Eigen::Vector3d(1.4, 1.0, 0.6)));
            break;
        case 4:
            out.push_back(cylinderPoint(0.5, 1.6, false, rng));
            break;
        case 5:
            out.push_back(conePoint(0.7, 1.5, rng));
            break;
        case 6:
            out.push_back(cylinderPoint(0.4, 1.2, true, rng));
            break;
        case 8:
        case 9:
            out.push_back(helixPoint(rng));
            break;
        default:
            out.push_back(octahedronPoint(label == 10 ? 0.5 : 1.0, rng));
        }
    }
    return out;
}

} // namespace

const std::vector<std::string>& shapeClassNames() {
    static const std::vector<std::string> names{
        "sphere",      "ellipsoid",        "torus",
        "box",         "cylinder",         "cone",
        "capsule",     "figure",           "helix_left",
        "helix_right", "octahedron_small", "octahedron_large"};
    return names;
}

Sample sampleShapeClass(int label, uint64_t seed, int64_t points) {
    if (label < 0 || label >= kShapeClasses)
        throw Error("shapes: class " + std::to_string(label) + " is not in 0.." +
                    std::to_string(kShapeClasses - 1));
    if (points < 1) throw Error("shapes: a sample needs at least one point");
    Rng64 rng(seed);
    const Eigen::Vector3d stretch(uniform(rng, 0.9, 1.1), uniform(rng, 0.9, 1.1),
                                  uniform(rng, 0.9, 1.1));
    const Points surface = surfacePoints(label, points, rng);
    std::normal_distribution<double> noise(0.0, 0.01);
    const double mirror = label == 8 ? -1.0 : 1.0; // helix_left: helix_right with y -> -y
    std::vector<double> pos;
    for (const Eigen::Vector3d& p : surface) {
        const Eigen::Vector3d x =
            p.cwiseProduct(stretch) + Eigen::Vector3d(noise(rng), noise(rng), noise(rng));
        pos.insert(pos.end(), {x.x(), mirror * x.y(), x.z()});
    }
    Sample s;
    s.setField(Field::perNode(Sample::kPositions, FieldType::Position,
                              static_cast<int64_t>(surface.size()), 3, std::move(pos),
                              Storage::Float64));
    s.metadata["graph_label"] = std::to_string(label);
    s.metadata["class"] = shapeClassNames()[static_cast<std::size_t>(label)];
    return s;
}

} // namespace equiscope
