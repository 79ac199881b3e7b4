#include "scene/MultiPartScene.h"

#include "groups/Group.h"
#include "scene/DemoScene.h"
#include "util/Error.h"

#include <Eigen/Core>
#include <array>
#include <random>

namespace equiscope {

namespace {

constexpr double kBoundingRadius = 1.35; // of every demo shape (the torus is the widest)

// Object centres in a cube that grows with the count, at least `spacing` apart.
std::vector<Eigen::Vector3d> placeCentres(int count, double spacing, Rng& rng) {
    const double side = spacing * std::cbrt(static_cast<double>(count)) * 1.6;
    std::uniform_real_distribution<double> u(-side / 2, side / 2);
    std::vector<Eigen::Vector3d> centres;
    for (int attempt = 0; static_cast<int>(centres.size()) < count; ++attempt) {
        if (attempt > 200000) throw Error("multi-part scene: could not place the objects");
        const Eigen::Vector3d c(u(rng), u(rng), u(rng));
        bool clear = true;
        for (const auto& o : centres) clear = clear && (c - o).norm() >= spacing;
        if (clear) centres.push_back(c);
    }
    return centres;
}

} // namespace

Sample makeMultiPartScene(const MultiPartConfig& c, uint64_t seed) {
    if (c.parts < 1 || c.parts > 64) throw Error("multi-part scene: parts must be in 1..64");
    if (c.pointsPerPart < 4 || c.pointsPerPart > 1000000)
        throw Error("multi-part scene: points per part must be in 4..1000000");
    Rng rng(seed);
    const double gap = c.contact ? -0.35 : c.gap;
    const auto centres = placeCentres(c.parts, 2 * kBoundingRadius + gap, rng);
    const std::array<DemoShape, 4> kinds{DemoShape::Sphere, DemoShape::Torus, DemoShape::Box,
                                         DemoShape::Composite};
    std::normal_distribution<double> jitter(0.0, c.noise);
    std::vector<double> pos, centre, part, shape;
    for (int k = 0; k < c.parts; ++k) {
        const std::size_t kind = static_cast<std::size_t>(rng() % kinds.size());
        const Sample s = sampleShape(kinds[kind], c.pointsPerPart, rng());
        Eigen::Matrix3d r = haarRotation(rng);
        if (rng() % 2) r = -r;
        const Field& p = s.positions();
        std::vector<Eigen::Vector3d> placed;
        Eigen::Vector3d mean = Eigen::Vector3d::Zero();
        for (int64_t i = 0; i < p.rows(); ++i) {
            Eigen::Vector3d x = r * Eigen::Vector3d(p.at(i, 0), p.at(i, 1), p.at(i, 2)) +
                                centres[static_cast<std::size_t>(k)];
            if (c.noise > 0) x += Eigen::Vector3d(jitter(rng), jitter(rng), jitter(rng));
            placed.push_back(x);
            mean += x / static_cast<double>(p.rows());
        }
        for (const auto& x : placed) {
            pos.insert(pos.end(), {x.x(), x.y(), x.z()});
            centre.insert(centre.end(), {mean.x(), mean.y(), mean.z()});
            part.push_back(k);
            shape.push_back(static_cast<double>(kind));
        }
    }
    const auto n = static_cast<int64_t>(part.size());
    Sample scene;
    scene.setField(Field::perNode(Sample::kPositions, FieldType::Position, n, 3, std::move(pos),
                                  Storage::Float64));
    scene.parts.assign(part.begin(), part.end());
    Field partField =
        Field::perNode("part", FieldType::Categorical, n, 1, std::move(part), Storage::Integer);
    for (int k = 0; k < c.parts; ++k) partField.categories.push_back("object " + std::to_string(k));
    scene.setField(std::move(partField));
    Field shapeField =
        Field::perNode("shape", FieldType::Categorical, n, 1, std::move(shape), Storage::Integer);
    shapeField.categories = {"sphere", "torus", "box", "figure"};
    scene.setField(std::move(shapeField));
    scene.setField(
        Field::perNode("centre", FieldType::Position, n, 3, std::move(centre), Storage::Float64));
    scene.metadata["source"] = "multi-part scene (seed " + std::to_string(seed) + ")";
    return scene;
}

} // namespace equiscope
