// TU Dortmund graph datasets (https://chrsmrrs.github.io/datasets/docs/format/): files
// DS_A.txt ("row, col" per directed adjacency entry, 1-based node ids over the whole
// dataset), DS_graph_indicator.txt (graph id per node), and optionally DS_graph_labels.txt,
// DS_node_labels.txt, DS_node_attributes.txt (comma-separated floats per node) and
// DS_edge_labels.txt (one per line of DS_A). Opened as the directory or any of those files;
// every graph becomes a sample, each undirected edge kept once.

#include "io/BuiltinReaders.h"
#include "io/GraphBuilder.h"
#include "io/InputLimits.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/MappedFile.h"

#include <cmath>
#include <filesystem>

namespace equiscope {

namespace {

namespace fs = std::filesystem;

const char* const kSuffixes[] = {"_A.txt",           "_graph_indicator.txt", "_graph_labels.txt",
                                 "_node_labels.txt", "_node_attributes.txt", "_edge_labels.txt"};

// The dataset's prefix (directory / "MUTAG") for a directory or one of its files; empty
// when the path is not a TU dataset.
std::string prefixOf(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        for (const auto& e : fs::directory_iterator(path, ec)) {
            const std::string n = e.path().filename().string();
            if (n.size() > 6 && n.compare(n.size() - 6, 6, "_A.txt") == 0)
                return (e.path().parent_path() / n.substr(0, n.size() - 6)).string();
        }
        return {};
    }
    for (const char* suffix : kSuffixes) {
        const std::string s = suffix;
        if (path.size() > s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0) {
            const std::string prefix = path.substr(0, path.size() - s.size());
            return fs::exists(prefix + "_A.txt", ec) &&
                           fs::exists(prefix + "_graph_indicator.txt", ec)
                       ? prefix
                       : std::string();
        }
    }
    return {};
}

// Rows of comma- or blank-separated numbers; every row `width` wide (the first row's width
// when `width` is 0); `expectedRows` of them (one per `rowOf`) unless it is negative.
std::vector<double> readRows(const std::string& path, int& width, int64_t expectedRows,
                             const char* rowOf = "") {
    const MappedFile file(path);
    TextScanner scan(file.data(), file.data() + file.size(), path, 0);
    std::vector<double> values;
    std::string_view line;
    int64_t rows = 0;
    while (scan.nextLine(line)) {
        if (!hasFields(line)) continue; // blank, or separators alone
        int n = 0;
        splitFields(line, [&](std::string_view w) {
            double v = 0;
            if (!parseDouble(w, v)) scan.fail("expected a number, got " + quoted(w));
            values.push_back(v);
            ++n;
        });
        if (width == 0) width = n;
        if (n != width)
            scan.fail("expected " + std::to_string(width) + " values on this line, got " +
                      std::to_string(n));
        ++rows;
    }
    if (expectedRows >= 0 && rows != expectedRows)
        throw FormatError::inFile(path, "has " + std::to_string(rows) + " rows, expected " +
                                            std::to_string(expectedRows) + " (one per " + rowOf +
                                            ")");
    return values;
}

std::string label(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

// Each node's graph (0-based) from the indicator's ids, and the number of graphs. Ids ascend
// from 1 and none exceeds the node count, so that the per-graph vectors sized by the largest
// id stay within the file's size.
std::vector<int64_t> graphIds(const std::vector<double>& indicator, const std::string& path,
                              int64_t& graphs) {
    const auto nodes = static_cast<int64_t>(indicator.size());
    std::vector<int64_t> graphOf(indicator.size());
    graphs = 0;
    for (int64_t i = 0; i < nodes; ++i) {
        const int64_t g =
            requireWhole(FilePlace::atLine(path, i + 1), indicator[static_cast<std::size_t>(i)], 1,
                         nodes, "a graph id (at most the node count)");
        if (g < graphs)
            throw FormatError::atLine(path, i + 1,
                                      "graph ids must be positive integers in ascending order");
        graphs = g;
        graphOf[static_cast<std::size_t>(i)] = g - 1;
    }
    return graphOf;
}

class TuReader : public FormatReader {
  public:
    std::string name() const override { return "TU"; }
    std::vector<std::string> extensions() const override { return {}; }
    int sniff(std::string_view) const override { return 0; }
    bool claimsPath(const std::string& path) const override { return !prefixOf(path).empty(); }

    Dataset read(const std::string& path, const Progress& progress) const override {
        const std::string prefix = prefixOf(path);
        if (prefix.empty()) throw Error(path + ": not a TU dataset (no DS_A.txt beside it)");
        int one = 1, two = 2;
        const std::vector<double> indicator = readRows(prefix + "_graph_indicator.txt", one, -1);
        const auto nodes = static_cast<int64_t>(indicator.size());
        progress.report(0.2, "reading adjacency");
        const std::vector<double> adjacency = readRows(prefix + "_A.txt", two, -1);
        const auto entries = static_cast<int64_t>(adjacency.size() / 2);
        int64_t graphs = 0;
        const std::vector<int64_t> graphOf =
            graphIds(indicator, prefix + "_graph_indicator.txt", graphs);
        auto optional = [&](const char* suffix, int& width, int64_t rows, const char* rowOf) {
            const std::string file = prefix + suffix;
            return fs::exists(file) ? readRows(file, width, rows, rowOf) : std::vector<double>();
        };
        int w1 = 1, w2 = 1, w3 = 1, attributes = 0;
        const std::vector<double> graphLabels = optional("_graph_labels.txt", w1, graphs, "graph");
        const std::vector<double> nodeLabels = optional("_node_labels.txt", w2, nodes, "node");
        const std::vector<double> edgeLabels =
            optional("_edge_labels.txt", w3, entries, "line of DS_A.txt");
        const std::vector<double> nodeAttributes =
            optional("_node_attributes.txt", attributes, nodes, "node");

        // Nodes of graph g are a contiguous run (the indicator ascends).
        std::vector<int64_t> first(static_cast<std::size_t>(graphs + 1), nodes);
        for (int64_t i = nodes - 1; i >= 0; --i)
            first[static_cast<std::size_t>(graphOf[static_cast<std::size_t>(i)])] = i;
        for (int64_t g = graphs - 1; g >= 0; --g)
            first[static_cast<std::size_t>(g)] = std::min(first[static_cast<std::size_t>(g)],
                                                          first[static_cast<std::size_t>(g + 1)]);

        Dataset d;
        d.samples.resize(static_cast<std::size_t>(graphs));
        std::vector<GraphBuilder> builders(static_cast<std::size_t>(graphs));
        std::vector<std::vector<double>> edgeLabelsPerGraph(static_cast<std::size_t>(graphs));
        for (int64_t g = 0; g < graphs; ++g)
            for (int64_t i = first[static_cast<std::size_t>(g)];
                 i < first[static_cast<std::size_t>(g + 1)]; ++i)
                builders[static_cast<std::size_t>(g)].node(std::to_string(i + 1));
        for (int64_t e = 0; e < entries; ++e) {
            const FilePlace at = FilePlace::atLine(prefix + "_A.txt", e + 1);
            const int64_t ia = requireWhole(at, adjacency[static_cast<std::size_t>(2 * e)], 1,
                                            nodes, "a node id") -
                               1,
                          ib = requireWhole(at, adjacency[static_cast<std::size_t>(2 * e + 1)], 1,
                                            nodes, "a node id") -
                               1;
            const int64_t g = graphOf[static_cast<std::size_t>(ia)];
            if (g != graphOf[static_cast<std::size_t>(ib)])
                throw FormatError::atLine(prefix + "_A.txt", e + 1,
                                          "an edge joins nodes of two different graphs");
            const int64_t base = first[static_cast<std::size_t>(g)];
            if (builders[static_cast<std::size_t>(g)].edge(ia - base, ib - base) &&
                !edgeLabels.empty())
                edgeLabelsPerGraph[static_cast<std::size_t>(g)].push_back(
                    edgeLabels[static_cast<std::size_t>(e)]);
        }
        for (int64_t g = 0; g < graphs; ++g) {
            Sample& s = d.samples[static_cast<std::size_t>(g)];
            GraphBuilder& b = builders[static_cast<std::size_t>(g)];
            const int64_t base = first[static_cast<std::size_t>(g)], n = b.nodes();
            s.setField(categoricalField("node", b.names()));
            if (!nodeLabels.empty()) {
                std::vector<std::string> labels;
                for (int64_t i = 0; i < n; ++i)
                    labels.push_back(label(nodeLabels[static_cast<std::size_t>(base + i)]));
                s.setField(categoricalField("node_label", labels));
            }
            if (attributes > 0)
                s.setField(Field::perNode(
                    "node_attributes", FieldType::Scalar, n, attributes,
                    std::vector<double>(nodeAttributes.begin() + base * attributes,
                                        nodeAttributes.begin() + (base + n) * attributes),
                    Storage::Float64));
            if (!edgeLabels.empty()) {
                Field f;
                f.name = "edge_label";
                f.type = FieldType::Categorical;
                f.shape = {
                    static_cast<int64_t>(edgeLabelsPerGraph[static_cast<std::size_t>(g)].size()),
                    1};
                f.values = std::move(edgeLabelsPerGraph[static_cast<std::size_t>(g)]);
                f.storage = Storage::Integer;
                s.edgeFields.push_back(std::move(f));
            }
            if (!graphLabels.empty())
                s.metadata["graph_label"] = label(graphLabels[static_cast<std::size_t>(g)]);
            b.finish(s);
        }
        return d;
    }
};

} // namespace

std::unique_ptr<FormatReader> makeTuReader() {
    return std::make_unique<TuReader>();
}

} // namespace equiscope
