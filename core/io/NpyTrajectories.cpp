#include "io/NpyTrajectories.h"

#include "util/Error.h"
#include "util/MappedFile.h"
#include "util/ReadBudget.h"

#include <filesystem>

namespace equiscope {

namespace {

// [S, T, N, D] view of an array in either layout; `dimAxis` is 2 (NRI) or 3.
struct Layout {
    int64_t sims, steps, nodes, dims;
    bool nri; // values ordered [S, T, D, N]
};

Layout layoutOf(const NpyArray& a, const std::string& path) {
    const auto& s = a.shape;
    for (int64_t d : s)
        if (d == 0) // S or T of 0 with a huge other axis would make empty samples without end
            throw FormatError::inFile(path, "a trajectory array with an axis of length 0");
    auto isDim = [](int64_t d) { return d == 2 || d == 3; };
    if (s.size() == 3 && isDim(s[2])) return {1, s[0], s[1], s[2], false};
    if (s.size() == 4 && isDim(s[3])) return {s[0], s[1], s[2], s[3], false};
    if (s.size() == 4 && isDim(s[2])) return {s[0], s[1], s[3], s[2], true};
    std::string shape;
    for (int64_t d : s) shape += (shape.empty() ? "" : ", ") + std::to_string(d);
    throw FormatError::inFile(path, "expected a trajectory array [T,N,D], [S,T,N,D] or NRI's "
                                    "[S,T,D,N] with D = 2 or 3, got shape (" +
                                        shape + ")");
}

// Trajectory s of the array as [T, N, 3] values (z = 0 for 2-D).
std::vector<double> frames(const NpyArray& a, const Layout& l, int64_t sim) {
    std::vector<double> out(static_cast<std::size_t>(l.steps * l.nodes * 3), 0.0);
    const int64_t per = l.steps * l.nodes * l.dims;
    for (int64_t t = 0; t < l.steps; ++t)
        for (int64_t n = 0; n < l.nodes; ++n)
            for (int64_t d = 0; d < l.dims; ++d) {
                const int64_t at =
                    l.nri ? ((t * l.dims + d) * l.nodes + n) : ((t * l.nodes + n) * l.dims + d);
                out[static_cast<std::size_t>((t * l.nodes + n) * 3 + d)] =
                    a.values[static_cast<std::size_t>(sim * per + at)];
            }
    return out;
}

std::string companion(const std::string& path, const std::string& replacement) {
    const std::filesystem::path p(path);
    std::string name = p.filename().string();
    const std::size_t at = name.rfind("loc");
    if (at == std::string::npos) return {};
    name.replace(at, 3, replacement);
    const std::filesystem::path other = p.parent_path() / name;
    return std::filesystem::exists(other) ? other.string() : std::string();
}

NpyArray readNpy(const std::string& path) {
    const MappedFile file(path);
    return parseNpy(file.data(), file.size(), path);
}

Field trajectoryField(const char* name, FieldType type, const Layout& l, std::vector<double> v,
                      Storage storage) {
    Field f;
    f.name = name;
    f.type = type;
    f.shape = {l.steps, l.nodes, 3};
    f.values = std::move(v);
    f.storage = storage;
    return f;
}

} // namespace

Dataset trajectoriesFromNpy(const std::string& path, const NpyArray& positions) {
    const std::string velPath = companion(path, "vel"), edgePath = companion(path, "edges");
    NpyArray velocities, edges;
    if (!velPath.empty()) velocities = readNpy(velPath);
    if (!edgePath.empty()) edges = readNpy(edgePath);
    return trajectoriesFromArrays(path, positions, velPath.empty() ? nullptr : &velocities,
                                  edgePath.empty() ? nullptr : &edges, nullptr);
}

Dataset trajectoriesFromArrays(const std::string& where, const NpyArray& positions,
                               const NpyArray* velocities, const NpyArray* edges,
                               const NpyArray* charges) {
    const Layout l = layoutOf(positions, where);
    if (velocities && velocities->shape != positions.shape)
        throw FormatError::inFile(where, "velocities must have the positions' shape");
    if (edges && edges->shape != std::vector<int64_t>{l.sims, l.nodes, l.nodes} &&
        !(l.sims == 1 && edges->shape == std::vector<int64_t>{l.nodes, l.nodes}))
        throw FormatError::inFile(
            where, "expected interaction graphs [S,N,N] with S = " + std::to_string(l.sims) +
                       ", N = " + std::to_string(l.nodes));
    if (charges && static_cast<int64_t>(charges->values.size()) != l.sims * l.nodes)
        throw FormatError::inFile(where,
                                  "expected charges [S,N] with S = " + std::to_string(l.sims) +
                                      ", N = " + std::to_string(l.nodes));
    ReadBudget::charge(where, static_cast<uint64_t>(l.sims * l.steps * l.nodes),
                       3 * sizeof(double) * (velocities ? 2 : 1),
                       std::to_string(l.sims) + " trajectories of " + std::to_string(l.steps) +
                           " frames");
    Dataset d;
    for (int64_t s = 0; s < l.sims; ++s) {
        Sample sample;
        sample.kind = SampleKind::Trajectory;
        sample.setField(trajectoryField(Sample::kPositions, FieldType::Position, l,
                                        frames(positions, l, s), positions.storage));
        if (velocities)
            sample.setField(trajectoryField("velocity", FieldType::Vector, l,
                                            frames(*velocities, l, s), velocities->storage));
        if (charges)
            sample.setField(
                Field::perNode("charge", FieldType::Scalar, l.nodes, 1,
                               std::vector<double>(charges->values.begin() + s * l.nodes,
                                                   charges->values.begin() + (s + 1) * l.nodes),
                               charges->storage));
        if (edges) {
            const double* a = edges->values.data() + s * l.nodes * l.nodes;
            std::vector<int64_t> from, to;
            for (int64_t i = 0; i < l.nodes; ++i)
                for (int64_t j = i + 1; j < l.nodes; ++j)
                    if (a[i * l.nodes + j] != 0 || a[j * l.nodes + i] != 0) {
                        from.push_back(i);
                        to.push_back(j);
                    }
            sample.edgeIndex = from;
            sample.edgeIndex.insert(sample.edgeIndex.end(), to.begin(), to.end());
        }
        if (l.dims == 2) sample.metadata["lifted"] = "2-D positions, z = 0";
        d.samples.push_back(std::move(sample));
    }
    return d;
}

} // namespace equiscope
