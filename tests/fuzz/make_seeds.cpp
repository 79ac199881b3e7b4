// fuzz_seeds OUTDIR: small inputs written by our own writers, one folder per format
// (OUTDIR/ply, npy, npz, extxyz), for scripts/fuzz.sh to start each campaign from.

#include "io/Writers.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace equiscope;

namespace {

// A tetrahedron-like cloud of n points with normals, colours, part labels, faces and edges.
Sample cloud(int64_t n) {
    std::vector<double> pos, normal, color, part;
    for (int64_t i = 0; i < n; ++i) {
        const double t = 0.7 * static_cast<double>(i);
        pos.insert(pos.end(), {std::cos(t), std::sin(t), 0.1 * static_cast<double>(i)});
        normal.insert(normal.end(), {0.0, 0.0, 1.0});
        color.insert(color.end(), {static_cast<double>(i * 40 % 256), 128.0, 255.0});
        part.push_back(static_cast<double>(i % 2));
    }
    Sample s;
    s.setField(
        Field::perNode(Sample::kPositions, FieldType::Position, n, 3, pos, Storage::Float32));
    s.setField(Field::perNode("normal", FieldType::Vector, n, 3, normal, Storage::Float32));
    s.setField(Field::perNode("color", FieldType::Scalar, n, 3, color, Storage::Integer));
    s.setField(Field::perNode("part", FieldType::Categorical, n, 1, part, Storage::Integer));
    s.faces.indices = {0, 1, 2, 1, 2, 3};
    s.faces.offsets = {0, 3, 6};
    s.edgeIndex = {0, 1, 1, 2};
    return s;
}

// T frames of n atoms moving on a line.
Sample trajectory(int64_t frames, int64_t n) {
    std::vector<double> values;
    for (int64_t t = 0; t < frames; ++t)
        for (int64_t i = 0; i < n; ++i)
            values.insert(values.end(),
                          {0.1 * static_cast<double>(t), static_cast<double>(i), 0.5});
    Field pos = Field::perNode(Sample::kPositions, FieldType::Position, frames * n, 3,
                               std::move(values), Storage::Float64);
    pos.shape = {frames, n, 3};
    Sample s;
    s.kind = SampleKind::Trajectory;
    s.setField(std::move(pos));
    return s;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTDIR\n");
        return 2;
    }
    const std::string out = argv[1];
    for (const char* d : {"ply", "npy", "npz", "extxyz"})
        std::filesystem::create_directories(out + "/" + d);
    writePly(out + "/ply/cloud.ply", cloud(4));
    writePly(out + "/ply/points.ply", cloud(2));
    writeNpy(out + "/npy/cloud.npy", cloud(4));
    writeExtXyz(out + "/extxyz/frames.extxyz", trajectory(3, 2));
    writeExtXyz(out + "/extxyz/cloud.extxyz", cloud(3));
    writeNpz(out + "/npz/cloud.npz", {{"pos", {2, 3}, {0, 0, 0, 1, 1, 1}}, {"part", {2}, {0, 1}}});
    writeNpz(out + "/npz/nbody.npz", {{"loc", {1, 2, 2, 3}, std::vector<double>(12, 0.5)},
                                      {"vel", {1, 2, 2, 3}, std::vector<double>(12, 0.1)},
                                      {"edges", {1, 2, 2}, {0, 1, 1, 0}},
                                      {"charges", {1, 2}, {1, -1}}});
    return 0;
}
