#pragma once
// Collects a graph's nodes (by name, in order of first appearance) and its edges for the
// graph readers: undirected graphs keep each unordered pair once, directed ones each ordered
// pair once; self-loops are kept.

#include "data/Sample.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace equiscope {

class GraphBuilder {
  public:
    explicit GraphBuilder(bool directed = false) : directed_(directed) {}
    int64_t node(const std::string& name); // index of the node, added when new
    // Adds edge a-b unless it is already there (b-a too when undirected); returns whether it
    // was added.
    bool edge(int64_t a, int64_t b);
    // Adds edge a-b even when it is already there (multigraphs, e.g. GraphML's parallel edges).
    void appendEdge(int64_t a, int64_t b) {
        from_.push_back(a);
        to_.push_back(b);
    }
    int64_t nodes() const { return static_cast<int64_t>(names_.size()); }
    int64_t edges() const { return static_cast<int64_t>(from_.size()); }
    const std::vector<std::string>& names() const { return names_; }
    // Moves the edges into `sample` (edgeIndex) and sets kind Graph.
    void finish(Sample& sample);

  private:
    bool directed_;
    std::unordered_map<std::string, int64_t> index_;
    std::vector<std::string> names_;
    std::unordered_set<uint64_t> seen_;
    std::vector<int64_t> from_, to_;
};

// A categorical field [n, 1] from string labels: codes in order of first appearance.
Field categoricalField(const std::string& name, const std::vector<std::string>& labels);

} // namespace equiscope
