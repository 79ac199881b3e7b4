// GraphML (http://graphml.graphdrawing.org) through pugixml: the first <graph>, its nodes and
// edges, and the <key>-declared attributes with their defaults. Standard types (boolean,
// int, long, float, double, string) become typed fields: numbers as scalars, strings as
// categorical labels, booleans as 0/1 (trimmed, any case). graph-tool's vector_float /
// vector_double become fields as wide as the vectors; a 2- or 3-wide vector named pos,
// position or layout gives the node positions (z = 0 in 2-D). Keys without attr.type
// (yFiles' graphics), keys used on the wrong element and unknown types are reported in the
// metadata entry "warnings" and skipped. Every <edge> is kept (parallel edges included).

#include "io/BuiltinReaders.h"
#include "io/GraphBuilder.h"
#include "io/InputLimits.h"
#include "util/Error.h"
#include "util/ReadBudget.h"
#include "util/Text.h"

#ifdef EQUISCOPE_HAVE_PUGIXML
#include <pugixml.hpp>
#endif

#include <algorithm>
#include <cmath>
#include <map>

namespace equiscope {

namespace {

#ifdef EQUISCOPE_HAVE_PUGIXML

struct Key {
    std::string id, name, domain, type, fallback;
    bool hasDefault = false;
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool numericType(const std::string& t) {
    return t == "int" || t == "long" || t == "float" || t == "double" || t == "boolean";
}

bool vectorType(const std::string& t) {
    return t == "vector_float" || t == "vector_double" || t == "vector_int" || t == "vector_long";
}

// Numbers of one value (hex floats included); NaN when it does not parse.
std::vector<double> numbers(const Key& key, const std::string& raw,
                            std::vector<std::string>& warnings) {
    const std::string text = trim(raw);
    if (key.type == "boolean") {
        const std::string t = lower(text);
        if (t == "true" || t == "1") return {1.0};
        if (t == "false" || t == "0") return {0.0};
        if (!t.empty()) warnings.push_back("key " + key.id + ": '" + text + "' is not a boolean");
        return {NAN};
    }
    std::vector<double> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find(',', at);
        const std::string part =
            trim(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        char* stop = nullptr;
        const double v = std::strtod(part.c_str(), &stop);
        if (part.empty() || *stop != '\0') {
            warnings.push_back("key " + key.id + ": '" + part + "' is not a number");
            out.push_back(NAN);
        } else {
            out.push_back(v);
        }
        if (end == std::string::npos) break;
        at = end + 1;
    }
    if (out.empty()) out.push_back(NAN);
    return out;
}

std::string textOf(const pugi::xml_node& n) {
    std::string s;
    for (const pugi::xml_node& c : n.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    return s;
}

// Values of `key` for the elements (their <data> children), defaults where missing.
void addField(const std::string& path, const Key& key, const std::vector<pugi::xml_node>& elements,
              bool forEdges, Sample& s, std::vector<std::string>& warnings) {
    std::vector<std::string> raw;
    std::vector<bool> present;
    for (const pugi::xml_node& e : elements) {
        bool found = false;
        for (const pugi::xml_node& d : e.children("data"))
            if (key.id == d.attribute("key").value()) {
                raw.push_back(textOf(d));
                found = true;
            }
        if (!found) raw.push_back(key.fallback);
        present.push_back(found || key.hasDefault);
    }
    const auto n = static_cast<int64_t>(elements.size());
    if (key.type == "string") {
        Field f = categoricalField(key.name, raw);
        if (forEdges)
            s.edgeFields.push_back(std::move(f));
        else
            s.setField(std::move(f));
        return;
    }
    std::vector<std::vector<double>> rows;
    std::size_t width = 1, given = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        rows.push_back(present[i] ? numbers(key, raw[i], warnings) : std::vector<double>{NAN});
        if (present[i]) width = std::max(width, rows.back().size());
        given += rows.back().size();
    }
    // One long vector would pad every other element to its width: the padding must stay
    // comparable to the values the file holds.
    if (width > 1 && rows.size() * width > 16 * given + 1024)
        throw FormatError::inFile(path, "key " + key.id + ": one value has " +
                                            std::to_string(width) + " entries; padding all " +
                                            std::to_string(rows.size()) +
                                            " elements to it is more than 16 times the " +
                                            std::to_string(given) + " values given");
    ReadBudget::charge(path, rows.size(), width * sizeof(double), "key " + key.id);
    std::vector<double> values;
    for (auto& r : rows) {
        if (r.size() != width && !(r.size() == 1 && std::isnan(r[0])))
            warnings.push_back("key " + key.id +
                               ": vectors of different lengths (padded with NaN)");
        r.resize(width, NAN);
        values.insert(values.end(), r.begin(), r.end());
    }
    const std::string name = lower(key.name);
    if (!forEdges && (width == 2 || width == 3) &&
        (name == "pos" || name == "position" || name == "layout")) {
        std::vector<double> pos(static_cast<std::size_t>(n) * 3, 0.0);
        for (int64_t i = 0; i < n; ++i)
            for (std::size_t k = 0; k < width; ++k)
                pos[static_cast<std::size_t>(i) * 3 + k] =
                    values[static_cast<std::size_t>(i) * width + k];
        s.setField(Field::perNode(Sample::kPositions, FieldType::Position, n, 3, std::move(pos),
                                  Storage::Float64));
        return;
    }
    Field f;
    f.name = key.name;
    f.shape = {n, static_cast<int64_t>(width)};
    f.values = std::move(values);
    f.storage = key.type == "int" || key.type == "long" || key.type == "boolean" ? Storage::Integer
                                                                                 : Storage::Float64;
    if (forEdges)
        s.edgeFields.push_back(std::move(f));
    else
        s.setField(std::move(f));
}

// Elements nested deeper than kMaxNesting (the walk itself is iterative, but what the
// document feeds must stay bounded for everything that recurses over it later).
void checkNesting(pugi::xml_document& doc, const std::string& path) {
    struct Walker : pugi::xml_tree_walker {
        ptrdiff_t offset = -1;
        bool for_each(pugi::xml_node& n) override {
            if (depth() < kMaxNesting) return true;
            offset = n.offset_debug();
            return false;
        }
    } walker;
    doc.traverse(walker);
    if (walker.offset >= 0)
        requireNesting(FilePlace::atByte(path, walker.offset), kMaxNesting + 1, "XML elements");
}

Dataset parseGraphMl(const std::string& path) {
    pugi::xml_document doc;
    const pugi::xml_parse_result ok = doc.load_file(path.c_str());
    if (!ok)
        throw FormatError::atByte(path, static_cast<int64_t>(ok.offset),
                                  std::string("not well-formed XML: ") + ok.description());
    checkNesting(doc, path);
    const pugi::xml_node root = doc.child("graphml");
    if (!root) throw FormatError::inFile(path, "no <graphml> root element");
    const pugi::xml_node graph = root.child("graph");
    if (!graph) throw FormatError::inFile(path, "no <graph> element");
    std::vector<std::string> warnings;
    std::map<std::string, Key> keys;
    for (const pugi::xml_node& k : root.children("key")) {
        Key key{k.attribute("id").value(),
                k.attribute("attr.name").value(),
                k.attribute("for").as_string("all"),
                lower(k.attribute("attr.type").value()),
                "",
                false};
        if (key.name.empty()) key.name = key.id;
        if (keys.count(key.id))
            throw FormatError::atByte(path, k.offset_debug(),
                                      "<key> id '" + key.id + "' declared twice");
        if (const pugi::xml_node d = k.child("default")) {
            key.fallback = textOf(d);
            key.hasDefault = true;
        }
        keys[key.id] = key;
    }
    Sample s;
    GraphBuilder builder(std::string(graph.attribute("edgedefault").value()) == "directed");
    std::vector<pugi::xml_node> nodes, edges;
    for (const pugi::xml_node& n : graph.children("node")) {
        const std::string id = n.attribute("id").value();
        if (id.empty()) throw FormatError::atByte(path, n.offset_debug(), "a <node> without id");
        if (builder.node(id) != static_cast<int64_t>(nodes.size()))
            throw FormatError::atByte(path, n.offset_debug(),
                                      "<node> id '" + id + "' declared twice");
        nodes.push_back(n);
    }
    for (const pugi::xml_node& e : graph.children("edge")) {
        const std::string a = e.attribute("source").value(), b = e.attribute("target").value();
        if (a.empty() || b.empty())
            throw FormatError::atByte(path, e.offset_debug(), "an <edge> without source or target");
        const int64_t before = builder.nodes();
        const int64_t ia = builder.node(a), ib = builder.node(b);
        if (builder.nodes() != before) {
            warnings.push_back("edge " + a + "-" + b + " names an undeclared node (added)");
            while (static_cast<int64_t>(nodes.size()) < builder.nodes()) nodes.push_back(e);
        }
        builder.appendEdge(ia, ib); // every <edge> is one: GraphML allows parallel edges
        edges.push_back(e);
    }
    s.setField(categoricalField("node", builder.names()));
    for (const auto& [id, key] : keys) {
        const bool onNodes = key.domain == "node" || key.domain == "all";
        const bool onEdges = key.domain == "edge" || key.domain == "all";
        if (!numericType(key.type) && key.type != "string" && !vectorType(key.type)) {
            warnings.push_back("key " + id + " (" + key.name + "): " +
                               (key.type.empty() ? std::string("no attr.type")
                                                 : "unsupported type '" + key.type + "'") +
                               ", skipped");
            continue;
        }
        if (onNodes && !nodes.empty()) addField(path, key, nodes, false, s, warnings);
        if (onEdges && !edges.empty()) addField(path, key, edges, true, s, warnings);
        if (key.domain == "graph")
            for (const pugi::xml_node& d : graph.children("data"))
                if (id == d.attribute("key").value()) s.metadata[key.name] = trim(textOf(d));
    }
    // <data> whose key is declared for another element.
    auto checkDomain = [&](const std::vector<pugi::xml_node>& elements, const char* domain) {
        for (const pugi::xml_node& e : elements)
            for (const pugi::xml_node& d : e.children("data")) {
                const auto it = keys.find(d.attribute("key").value());
                if (it == keys.end())
                    warnings.push_back(std::string("a ") + domain + " uses undeclared key '" +
                                       d.attribute("key").value() + "'");
                else if (it->second.domain != domain && it->second.domain != "all")
                    warnings.push_back("key " + it->first + " is for " + it->second.domain +
                                       " but used on a " + domain + " (ignored there)");
            }
    };
    checkDomain(nodes, "node");
    checkDomain(edges, "edge");
    if (!warnings.empty()) {
        std::sort(warnings.begin(), warnings.end());
        warnings.erase(std::unique(warnings.begin(), warnings.end()), warnings.end());
        std::string all;
        for (const auto& w : warnings) all += (all.empty() ? "" : "; ") + w;
        s.metadata["warnings"] = all;
    }
    builder.finish(s);
    return Dataset::of(std::move(s));
}

#endif

class GraphMlReader : public FormatReader {
  public:
    std::string name() const override { return "GraphML"; }
    std::vector<std::string> extensions() const override { return {".graphml"}; }
    int sniff(std::string_view head) const override {
        return head.find("<graphml") != std::string_view::npos ? 2 : 0;
    }
    Dataset read(const std::string& path, const Progress& progress) const override {
        progress.report(0, "reading GraphML");
#ifdef EQUISCOPE_HAVE_PUGIXML
        return parseGraphMl(path);
#else
        throw Error(path + ": this build has no GraphML support (pugixml was not found)");
#endif
    }
};

} // namespace

std::unique_ptr<FormatReader> makeGraphMlReader() {
    return std::make_unique<GraphMlReader>();
}

} // namespace equiscope
