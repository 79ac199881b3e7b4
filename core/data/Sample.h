#pragma once
// One point cloud, mesh, graph or trajectory, and a collection of them.

#include "data/Field.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace equiscope {

enum class SampleKind { Points, Graph, Trajectory };
std::string_view sampleKindName(SampleKind kind);

// Polygons in compressed form: polygon f uses indices[offsets[f] .. offsets[f+1]).
struct Faces {
    std::vector<int64_t> offsets{0};
    std::vector<int64_t> indices;
    int64_t count() const { return static_cast<int64_t>(offsets.size()) - 1; }
};

struct Sample {
    static constexpr const char* kPositions = "pos";

    SampleKind kind = SampleKind::Points;
    std::vector<Field> fields; // "pos" (type position) first when present
    // Edges [2, E]: sources in the first E entries, targets in the next E. Undirected graphs
    // hold each edge once; models that pass messages both ways add the reverse.
    std::vector<int64_t> edgeIndex;
    std::vector<Field> edgeFields; // values per edge, shape [E, C] (weights, bond types)
    Faces faces;
    std::vector<int64_t> parts; // ground-truth part per node; empty when unknown
    // Values per frame of a trajectory (energy, stress, lattice, ...), shape [T, C]; not
    // acted on by groups.
    std::vector<Field> frameFields;
    std::map<std::string, std::string> metadata;

    int64_t nodeCount() const;
    int64_t edgeCount() const { return static_cast<int64_t>(edgeIndex.size()) / 2; }
    int64_t frameCount() const;

    const Field* find(const std::string& name) const;
    const Field& positions() const; // throws Error when the sample has none
    // Adds or replaces a field; its row count must match the nodes already present.
    void setField(Field field);
};

struct Dataset {
    std::string source; // file path or "demo"
    std::string format; // reader name
    std::vector<Sample> samples;

    static Dataset of(Sample sample); // a dataset of one sample
};

} // namespace equiscope
