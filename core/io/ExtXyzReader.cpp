// Extended XYZ as ASE writes it, and plain atom XYZ trajectories: per frame a line with the
// atom count, a comment line, then one line per atom. The comment holds key=value pairs
// (values bare, "quoted" with backslash escapes, or {braced}); Properties=name:type:count:...
// (type S string, R real, I integer, L logical) names the atom columns, default
// species:S:1:pos:R:3. Frames of equal atom count and columns form one trajectory with
// fields [T, N, C]; otherwise every frame is a sample of its own.

#include "io/BuiltinReaders.h"
#include "io/TextScanner.h"
#include "util/CheckedMath.h"
#include "util/Error.h"
#include "util/MappedFile.h"

#include <algorithm>
#include <map>
#include <set>

namespace equiscope {

namespace {

struct Property {
    std::string name;
    char type; // S, R, I, L
    int count;
};

struct Frame {
    int64_t atoms = 0;
    std::vector<Property> properties;
    std::vector<std::pair<std::string, std::string>> info; // key, value, in file order
    std::vector<std::vector<double>> numbers;              // per property: atoms * count
    std::vector<std::vector<std::string>> strings;         // per S property: atoms * count
};

// Splits the comment line into key=value pairs; a key without '=' means true.
std::vector<std::pair<std::string, std::string>> parseInfo(std::string_view line,
                                                           const TextScanner& scan) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    const std::size_t n = line.size();
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    auto readValue = [&](std::size_t& k) {
        std::string value;
        if (k < n && (line[k] == '"' || line[k] == '{')) {
            const char close = line[k] == '"' ? '"' : '}';
            for (++k; k < n && line[k] != close; ++k) {
                if (line[k] == '\\' && k + 1 < n) ++k;
                value += line[k];
            }
            if (k >= n)
                scan.fail(std::string("unterminated ") + (close == '"' ? "quote" : "brace") +
                          " in the comment line");
            ++k;
        } else {
            while (k < n && !blank(line[k])) value += line[k++];
        }
        return value;
    };
    while (i < n) {
        while (i < n && blank(line[i])) ++i;
        if (i >= n) break;
        std::string key;
        if (line[i] == '"') {
            key = readValue(i);
        } else {
            while (i < n && !blank(line[i]) && line[i] != '=') key += line[i++];
        }
        std::size_t k = i;
        while (k < n && blank(line[k])) ++k;
        if (k < n && line[k] == '=') {
            ++k;
            while (k < n && blank(line[k])) ++k;
            i = k;
            out.emplace_back(key, readValue(i));
        } else {
            out.emplace_back(key, "T");
        }
    }
    return out;
}

std::vector<Property> parseProperties(const std::string& text, const TextScanner& scan) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == ':') {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    if (parts.size() % 3 != 0)
        scan.fail("Properties='" + text + "' is not a list of name:type:count triples");
    std::vector<Property> out;
    for (std::size_t i = 0; i < parts.size(); i += 3) {
        int64_t count = 0;
        const std::string& type = parts[i + 1];
        if (type.size() != 1 || std::string("SRIL").find(type[0]) == std::string::npos)
            scan.fail("Properties: column '" + parts[i] + "' has type '" + type +
                      "', expected S, R, I or L");
        if (!parseInteger(parts[i + 2], count) || count < 1 || count > 1000)
            scan.fail("Properties: column '" + parts[i] + "' has count '" + parts[i + 2] +
                      "', expected 1 to 1000");
        for (const Property& p : out)
            if (p.name == parts[i]) scan.fail("Properties: column '" + p.name + "' given twice");
        out.push_back({parts[i], type[0], static_cast<int>(count)});
    }
    return out;
}

bool sameLayout(const std::vector<Property>& a, const std::vector<Property>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].type != b[i].type || a[i].count != b[i].count)
            return false;
    return true;
}

bool isVectorName(const std::string& n) {
    static const std::set<std::string> names = {"forces", "force",        "velocities", "velo",
                                                "vel",    "momenta",      "dipole",     "dipoles",
                                                "acc",    "accelerations"};
    return names.count(n) > 0;
}

FieldType typeFor(const Property& p) {
    if (p.name == "pos" && p.count == 3) return FieldType::Position;
    if (p.type == 'R' && p.count == 3 && isVectorName(p.name)) return FieldType::Vector;
    if (p.type == 'S' || p.name == "Z") return FieldType::Categorical;
    return FieldType::Scalar;
}

// The frame's atom lines, parsed by its Properties.
void readAtoms(TextScanner& scan, Frame& f) {
    // Every value takes at least two bytes ("0 "): reserve no more values than the bytes left
    // can hold, over all columns (a short file then fails below, naming the missing line).
    uint64_t room = scan.remaining() / 2 + 1;
    f.numbers.assign(f.properties.size(), {});
    f.strings.assign(f.properties.size(), {});
    for (std::size_t p = 0; p < f.properties.size(); ++p) {
        const auto wanted = checkedMul(static_cast<uint64_t>(f.atoms),
                                       static_cast<uint64_t>(f.properties[p].count));
        const uint64_t size = std::min(wanted.value_or(room), room);
        room -= size;
        if (f.properties[p].type == 'S')
            f.strings[p].reserve(size);
        else
            f.numbers[p].reserve(size);
    }
    std::string_view line;
    for (int64_t a = 0; a < f.atoms; ++a) {
        if (!scan.nextLine(line))
            scan.fail("expected " + std::to_string(f.atoms) + " atom lines, the file ends after " +
                      std::to_string(a));
        std::size_t p = 0;
        int used = 0;
        splitFields(line, [&](std::string_view w) {
            if (p >= f.properties.size())
                scan.fail("atom line has more columns than Properties describes");
            const Property& prop = f.properties[p];
            if (prop.type == 'S') {
                f.strings[p].emplace_back(w);
            } else if (prop.type == 'L') {
                const bool t = w == "T" || w == "True" || w == "true" || w == "1";
                if (!t && w != "F" && w != "False" && w != "false" && w != "0")
                    scan.fail("column '" + prop.name + "': expected T or F, got " + quoted(w));
                f.numbers[p].push_back(t ? 1.0 : 0.0);
            } else {
                double v = 0;
                if (!parseDouble(w, v))
                    scan.fail("column '" + prop.name + "': expected a number, got " + quoted(w));
                f.numbers[p].push_back(v);
            }
            if (++used == prop.count) {
                ++p;
                used = 0;
            }
        });
        if (p < f.properties.size())
            scan.fail("atom line has too few columns for Properties (column '" +
                      f.properties[p].name + "' missing)");
    }
}

// Plain XYZ (no Properties): species and pos, and further numeric columns as col5, col6...
void widenPlainLayout(Frame& f, const char* lineStart, const char* end) {
    std::string_view first(lineStart, static_cast<std::size_t>(end - lineStart));
    first = first.substr(0, first.find('\n'));
    int columns = 0;
    splitFields(first, [&](std::string_view) { ++columns; });
    for (int c = 5; c <= std::min(columns, 64); ++c)
        f.properties.push_back({"col" + std::to_string(c), 'R', 1});
}

Field trajectoryField(const std::string& name, FieldType type, int64_t frames, int64_t atoms,
                      int64_t width, std::vector<double> values, Storage storage) {
    Field f;
    f.name = name;
    f.type = type;
    f.shape = frames > 1 ? std::vector<int64_t>{frames, atoms, width}
                         : std::vector<int64_t>{atoms, width};
    f.values = std::move(values);
    f.storage = storage;
    return f;
}

// Frames [first, last) sharing one layout -> one sample (a trajectory when several).
Sample toSample(std::vector<Frame>& frames, std::size_t first, std::size_t last) {
    Sample s;
    const Frame& head = frames[first];
    const auto t = static_cast<int64_t>(last - first);
    s.kind = t > 1 ? SampleKind::Trajectory : SampleKind::Points;
    for (std::size_t p = 0; p < head.properties.size(); ++p) {
        const Property& prop = head.properties[p];
        Field f;
        if (prop.type == 'S') {
            std::map<std::string, int> codes;
            std::vector<std::string> names;
            std::vector<double> values;
            for (std::size_t k = first; k < last; ++k)
                for (const std::string& v : frames[k].strings[p]) {
                    auto it = codes.find(v);
                    if (it == codes.end()) {
                        it = codes.emplace(v, static_cast<int>(names.size())).first;
                        names.push_back(v);
                    }
                    values.push_back(it->second);
                }
            f = trajectoryField(prop.name, FieldType::Categorical, t, head.atoms, prop.count,
                                std::move(values), Storage::Integer);
            f.categories = std::move(names);
        } else {
            std::vector<double> values;
            values.reserve(static_cast<std::size_t>(t * head.atoms * prop.count));
            for (std::size_t k = first; k < last; ++k)
                values.insert(values.end(), frames[k].numbers[p].begin(),
                              frames[k].numbers[p].end());
            f = trajectoryField(prop.name, typeFor(prop), t, head.atoms, prop.count,
                                std::move(values),
                                prop.type == 'R' ? Storage::Float64 : Storage::Integer);
        }
        s.setField(std::move(f));
    }
    // Per-frame info: numbers (one or several) become frame fields, the rest metadata.
    std::map<std::string, std::vector<double>> numeric;
    std::vector<std::string> order;
    for (std::size_t k = first; k < last; ++k)
        for (const auto& [key, value] : frames[k].info) {
            if (key == "Properties") continue;
            std::vector<double> numbers;
            bool allNumbers = true;
            splitFields(value, [&](std::string_view w) {
                double v = 0;
                if (parseDouble(w, v))
                    numbers.push_back(v);
                else if (w == "T" || w == "F")
                    numbers.push_back(w == "T" ? 1.0 : 0.0);
                else
                    allNumbers = false;
            });
            if (allNumbers && !numbers.empty()) {
                auto& column = numeric[key];
                if (column.empty() && k == first) order.push_back(key);
                if (column.size() == (k - first) * numbers.size())
                    column.insert(column.end(), numbers.begin(), numbers.end());
            } else if (!s.metadata.count(key)) {
                s.metadata[key] = value;
            } else if (s.metadata[key] != value) {
                s.metadata[key + " (varies; first frame)"] = s.metadata[key];
            }
        }
    for (const std::string& key : order) {
        std::vector<double>& column = numeric[key];
        if (column.size() % static_cast<std::size_t>(t) != 0) continue; // not in every frame
        Field f;
        f.name = key;
        f.shape = {t, static_cast<int64_t>(column.size()) / t};
        f.values = std::move(column);
        f.storage = Storage::Float64;
        s.frameFields.push_back(std::move(f));
    }
    return s;
}

class ExtXyzReader : public FormatReader {
  public:
    std::string name() const override { return "extXYZ"; }
    std::vector<std::string> extensions() const override { return {".extxyz", ".xyz"}; }

    // An integer alone on the first line, then a comment with Properties= or Lattice=, or a
    // line that starts with a species (letters) or atomic number followed by three numbers.
    int sniff(std::string_view head) const override {
        TextScanner scan(head.data(), head.data() + head.size(), "");
        std::string_view count, comment, atom;
        if (!scan.nextLine(count) || !scan.nextLine(comment) || !scan.nextLine(atom)) return 0;
        int tokens = 0;
        int64_t n = 0;
        splitFields(count, [&](std::string_view w) { tokens += parseInteger(w, n) ? 1 : 100; });
        if (tokens != 1 || n < 1) return 0;
        if (comment.find("Properties=") != std::string_view::npos ||
            comment.find("Lattice=") != std::string_view::npos)
            return 2;
        int fields = 0, numbers = 0;
        bool species = false;
        splitFields(atom, [&](std::string_view w) {
            double v = 0;
            if (fields++ == 0)
                species = std::isalpha(static_cast<unsigned char>(w[0])) || parseDouble(w, v);
            else if (fields <= 4 && parseDouble(w, v))
                ++numbers;
        });
        return species && numbers == 3 ? 2 : 0;
    }

    Dataset read(const std::string& path, const Progress& progress) const override {
        const MappedFile file(path);
        TextScanner scan(file.data(), file.data() + file.size(), path, 0);
        std::vector<Frame> frames;
        std::string_view line;
        while (scan.nextLine(line)) {
            bool blank = true;
            for (char c : line) blank = blank && (c == ' ' || c == '\t' || c == '\r');
            if (blank) continue; // trailing empty lines
            Frame f;
            int64_t count = -1;
            int tokens = 0;
            splitFields(line, [&](std::string_view w) {
                ++tokens;
                if (!parseInteger(w, count)) count = -1;
            });
            if (tokens != 1 || count < 0)
                scan.fail("expected the atom count of a frame, got " + quoted(line));
            // An atom line takes at least 8 bytes ("H 0 0 0\n").
            if (static_cast<std::size_t>(count) > scan.remaining() / 8 + 1)
                scan.fail("atom count " + std::to_string(count) + " is more than the " +
                          std::to_string(scan.remaining()) + " bytes left can hold");
            f.atoms = count;
            std::string_view comment;
            if (!scan.nextLine(comment)) scan.fail("the file ends before the frame's comment line");
            f.info = parseInfo(comment, scan);
            bool plain = true;
            for (const auto& [key, value] : f.info)
                if (key == "Properties") {
                    if (!plain) scan.fail("the comment line gives Properties twice");
                    f.properties = parseProperties(value, scan);
                    plain = false;
                }
            if (plain) {
                f.properties = {{"species", 'S', 1}, {"pos", 'R', 3}};
                widenPlainLayout(f, scan.position(), scan.position() + scan.remaining());
                // A comment that is not key=value (e.g. MD17's lone energy) is kept as such.
                if (!f.info.empty() && !f.info.front().first.empty() &&
                    f.info.front().second == "T" && f.info.size() == 1)
                    f.info = {{"comment_value", f.info.front().first}};
            }
            if (std::none_of(f.properties.begin(), f.properties.end(),
                             [](const Property& p) { return p.name == "pos" && p.count == 3; }))
                scan.fail("Properties has no pos:R:3 column");
            readAtoms(scan, f);
            frames.push_back(std::move(f));
            if (frames.size() % 64 == 0)
                progress.report(1.0 - static_cast<double>(scan.remaining()) /
                                          static_cast<double>(file.size() + 1),
                                "frame " + std::to_string(frames.size()));
        }
        if (frames.empty()) throw FormatError::inFile(path, "no frames (the file is empty)");
        Dataset d;
        d.source = path;
        d.format = name();
        std::size_t first = 0;
        for (std::size_t k = 1; k <= frames.size(); ++k)
            if (k == frames.size() || frames[k].atoms != frames[first].atoms ||
                !sameLayout(frames[k].properties, frames[first].properties)) {
                d.samples.push_back(toSample(frames, first, k));
                first = k;
            }
        return d;
    }
};

} // namespace

std::unique_ptr<FormatReader> makeExtXyzReader() {
    return std::make_unique<ExtXyzReader>();
}

} // namespace equiscope
