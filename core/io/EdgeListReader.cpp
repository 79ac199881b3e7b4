// Edge lists: one edge per line, "u v [weight]" separated by blanks, tabs or commas; '#' and
// '%' start comments; node names are any tokens (numbers or words), numbered in order of
// first appearance. Each unordered pair is kept once (the first line wins); a third column
// becomes the edge field "weight".

#include "io/BuiltinReaders.h"
#include "io/GraphBuilder.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/MappedFile.h"

namespace equiscope {

namespace {

class EdgeListReader : public FormatReader {
  public:
    std::string name() const override { return "edge list"; }
    std::vector<std::string> extensions() const override { return {".edgelist", ".edges", ".el"}; }
    int sniff(std::string_view) const override { return 0; } // by extension only

    Dataset read(const std::string& path, const Progress& progress) const override {
        const MappedFile file(path);
        TextScanner scan(file.data(), file.data() + file.size(), path, 0);
        GraphBuilder graph;
        std::vector<double> weights;
        int columns = -1;
        std::string_view line;
        int64_t lines = 0;
        while (scan.nextLine(line)) {
            const std::size_t start = line.find_first_not_of(" \t\r");
            if (start == std::string_view::npos || line[start] == '#' || line[start] == '%')
                continue;
            std::string_view w[4];
            int n = 0;
            splitFields(line, [&](std::string_view t) {
                if (n < 4) w[n] = t;
                ++n;
            });
            if (n < 2 || n > 3)
                scan.fail("expected 'source target [weight]', got " + std::to_string(n) +
                          " columns");
            if (columns < 0) columns = n;
            if (n != columns)
                scan.fail("this line has " + std::to_string(n) + " columns, the first edge " +
                          std::to_string(columns));
            double weight = 1;
            if (n == 3 && !parseDouble(w[2], weight))
                scan.fail("expected a numeric weight, got " + quoted(w[2]));
            const int64_t a = graph.node(std::string(w[0])), b = graph.node(std::string(w[1]));
            if (graph.edge(a, b) && n == 3) weights.push_back(weight);
            if (++lines % 65536 == 0)
                progress.report(1.0 - static_cast<double>(scan.remaining()) /
                                          static_cast<double>(file.size() + 1),
                                "reading edges");
        }
        if (graph.edges() == 0) throw FormatError::inFile(path, "no edges (empty or all comments)");
        Sample s;
        s.setField(categoricalField("node", graph.names()));
        if (columns == 3) {
            Field w;
            w.name = "weight";
            w.shape = {static_cast<int64_t>(weights.size()), 1};
            w.values = std::move(weights);
            w.storage = Storage::Float64;
            s.edgeFields.push_back(std::move(w));
        }
        graph.finish(s);
        return Dataset::of(std::move(s));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeEdgeListReader() {
    return std::make_unique<EdgeListReader>();
}

} // namespace equiscope
