#include "scene/DemoScene.h"

#include "util/Math.h"

#include <array>
#include <cmath>
#include <random>

namespace equiscope {

namespace {

using Vec3 = std::array<double, 3>;

struct PointSet {
    std::vector<Vec3> points, normals;
    std::vector<int64_t> parts;
    void add(const Vec3& p, const Vec3& n, int64_t part) {
        points.push_back(p);
        normals.push_back(n);
        parts.push_back(part);
    }
};

Vec3 unitVector(std::mt19937_64& rng) {
    std::normal_distribution<double> g;
    Vec3 v{g(rng), g(rng), g(rng)};
    double len = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    if (len < 1e-12) return {0, 0, 1};
    return {v[0] / len, v[1] / len, v[2] / len};
}

void addSphere(PointSet& s, int64_t n, const Vec3& c, double radius, int64_t part,
               std::mt19937_64& rng) {
    for (int64_t i = 0; i < n; ++i) {
        const Vec3 u = unitVector(rng);
        s.add({c[0] + radius * u[0], c[1] + radius * u[1], c[2] + radius * u[2]}, u, part);
    }
}

// Uniform on the torus surface: accept a tube angle with probability (R + r cos v)/(R + r).
void addTorus(PointSet& s, int64_t n, double major, double minor, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> angle(0, 2 * kPi), unit(0, 1);
    while (static_cast<int64_t>(s.points.size()) < n) {
        const double u = angle(rng), v = angle(rng);
        if (unit(rng) > (major + minor * std::cos(v)) / (major + minor)) continue;
        const Vec3 normal{std::cos(v) * std::cos(u), std::cos(v) * std::sin(u), std::sin(v)};
        s.add({(major + minor * std::cos(v)) * std::cos(u),
               (major + minor * std::cos(v)) * std::sin(u), minor * std::sin(v)},
              normal, 0);
    }
}

// Uniform on the surface of an axis-aligned box with the given half extents.
void addBox(PointSet& s, int64_t n, const Vec3& c, const Vec3& half, int64_t part,
            std::mt19937_64& rng) {
    const std::array<double, 3> faceArea{half[1] * half[2], half[0] * half[2], half[0] * half[1]};
    std::discrete_distribution<int> pickAxis(faceArea.begin(), faceArea.end());
    std::uniform_real_distribution<double> unit(-1, 1);
    std::bernoulli_distribution side;
    for (int64_t i = 0; i < n; ++i) {
        const int axis = pickAxis(rng);
        const double sign = side(rng) ? 1.0 : -1.0;
        Vec3 p{unit(rng) * half[0], unit(rng) * half[1], unit(rng) * half[2]};
        p[axis] = sign * half[axis];
        Vec3 normal{0, 0, 0};
        normal[axis] = sign;
        s.add({c[0] + p[0], c[1] + p[1], c[2] + p[2]}, normal, part);
    }
}

// Lateral surface of a cylinder along x.
void addCylinderX(PointSet& s, int64_t n, const Vec3& c, double length, double radius, int64_t part,
                  std::mt19937_64& rng) {
    std::uniform_real_distribution<double> angle(0, 2 * kPi), along(-0.5 * length, 0.5 * length);
    for (int64_t i = 0; i < n; ++i) {
        const double a = angle(rng);
        const Vec3 normal{0, std::cos(a), std::sin(a)};
        s.add({c[0] + along(rng), c[1] + radius * normal[1], c[2] + radius * normal[2]}, normal,
              part);
    }
}

PointSet shapePoints(DemoShape shape, int64_t n, std::mt19937_64& rng) {
    PointSet s;
    switch (shape) {
    case DemoShape::Sphere:
        addSphere(s, n, {0, 0, 0}, 1.0, 0, rng);
        break;
    case DemoShape::Torus:
        addTorus(s, n, 1.0, 0.35, rng);
        break;
    case DemoShape::Box:
        addBox(s, n, {0, 0, 0}, {0.7, 0.5, 0.4}, 0, rng);
        break;
    case DemoShape::Composite: { // a figure: body, head, two arms
        const int64_t body = n * 4 / 10, head = n * 3 / 10, arm = (n - body - head) / 2;
        addBox(s, body, {0, 0, -0.3}, {0.35, 0.25, 0.6}, 0, rng);
        addSphere(s, head, {0, 0, 0.75}, 0.35, 1, rng);
        addCylinderX(s, arm, {-0.75, 0, 0.05}, 0.7, 0.12, 2, rng);
        addCylinderX(s, n - body - head - arm, {0.75, 0, 0.05}, 0.7, 0.12, 3, rng);
        break;
    }
    }
    return s;
}

std::vector<double> flatten(const std::vector<Vec3>& v) {
    std::vector<double> out;
    out.reserve(v.size() * 3);
    for (const Vec3& p : v) out.insert(out.end(), p.begin(), p.end());
    return out;
}

} // namespace

Sample sampleShape(DemoShape shape, int64_t points, uint64_t seed) {
    std::mt19937_64 rng(seed);
    const PointSet s = shapePoints(shape, points, rng);
    const auto n = static_cast<int64_t>(s.points.size());
    Sample sample;
    sample.setField(
        Field::perNode(Sample::kPositions, FieldType::Position, n, 3, flatten(s.points)));
    sample.setField(Field::perNode("normal", FieldType::Vector, n, 3, flatten(s.normals)));
    if (shape == DemoShape::Composite) {
        sample.parts = s.parts;
        sample.setField(Field::perNode("part", FieldType::Categorical, n, 1,
                                       std::vector<double>(s.parts.begin(), s.parts.end()),
                                       Storage::Integer));
    }
    sample.metadata["source"] = "demo";
    return sample;
}

Sample makeDemoScene(int64_t pointsPerShape, uint64_t seed) {
    const std::array<DemoShape, 4> shapes{DemoShape::Sphere, DemoShape::Torus, DemoShape::Box,
                                          DemoShape::Composite};
    std::vector<double> pos, normal, radius, shapeId, part;
    int64_t nextPart = 0;
    for (std::size_t k = 0; k < shapes.size(); ++k) {
        const Sample s = sampleShape(shapes[k], pointsPerShape, seed + k);
        const double offset = -4.5 + 3.0 * static_cast<double>(k);
        const Field& p = s.positions();
        const Field& nrm = *s.find("normal");
        int64_t partsHere = 1;
        for (int64_t r = 0; r < s.nodeCount(); ++r) {
            pos.insert(pos.end(), {p.at(r, 0) + offset, p.at(r, 1), p.at(r, 2)});
            normal.insert(normal.end(), {nrm.at(r, 0), nrm.at(r, 1), nrm.at(r, 2)});
            radius.push_back(std::sqrt(p.at(r, 0) * p.at(r, 0) + p.at(r, 1) * p.at(r, 1) +
                                       p.at(r, 2) * p.at(r, 2)));
            shapeId.push_back(static_cast<double>(k));
            const int64_t local = s.parts.empty() ? 0 : s.parts[static_cast<std::size_t>(r)];
            partsHere = std::max(partsHere, local + 1);
            part.push_back(static_cast<double>(nextPart + local));
        }
        nextPart += partsHere;
    }
    const auto n = static_cast<int64_t>(radius.size());
    Sample scene;
    scene.setField(Field::perNode(Sample::kPositions, FieldType::Position, n, 3, std::move(pos)));
    scene.setField(Field::perNode("normal", FieldType::Vector, n, 3, std::move(normal)));
    // Distance to the shape's own centre: invariant when the whole scene moves rigidly, so
    // it is an honest "scalar" input feature for models.
    scene.setField(Field::perNode("radius", FieldType::Scalar, n, 1, std::move(radius)));
    scene.setField(Field::perNode("shape", FieldType::Categorical, n, 1, std::move(shapeId),
                                  Storage::Integer));
    scene.parts.assign(part.begin(), part.end());
    scene.setField(
        Field::perNode("part", FieldType::Categorical, n, 1, std::move(part), Storage::Integer));
    scene.metadata["source"] = "demo";
    return scene;
}

Dataset makeDemoDataset() {
    Dataset d = Dataset::of(makeDemoScene());
    d.source = "demo";
    d.format = "demo";
    return d;
}

} // namespace equiscope
