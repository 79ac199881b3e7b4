// PLY: ascii, binary_little_endian and binary_big_endian; elements in any order; every
// vertex property becomes a typed field; faces and edges are kept.

#include "io/BinaryValues.h"
#include "io/BuiltinReaders.h"
#include "io/ColumnLayout.h"
#include "io/InputLimits.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/MappedFile.h"
#include "util/ReadBudget.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace equiscope {

namespace {

enum class Encoding { Ascii, BinaryLE, BinaryBE };

struct PlyProperty {
    std::string name;
    ScalarKind type = ScalarKind::Float32;
    bool isList = false;
    ScalarKind countType = ScalarKind::UInt8;
};

struct PlyElement {
    std::string name;
    int64_t count = 0;
    int64_t line = 0;
    std::vector<PlyProperty> properties;

    bool hasLists() const {
        for (const auto& p : properties)
            if (p.isList) return true;
        return false;
    }
    int64_t fixedBytes() const { // per record, lists counted by their count field only
        int64_t n = 0;
        for (const auto& p : properties) n += byteSize(p.isList ? p.countType : p.type);
        return n;
    }
};

struct PlyHeader {
    Encoding encoding = Encoding::Ascii;
    std::vector<PlyElement> elements;
    std::map<std::string, FieldType> typeHints;
    std::size_t dataOffset = 0; // first byte after "end_header\n"
    int64_t dataLine = 0;       // line number of the first data line (ascii)
};

std::optional<ScalarKind> plyType(std::string_view name) {
    static const std::map<std::string_view, ScalarKind> types = {
        {"char", ScalarKind::Int8},      {"int8", ScalarKind::Int8},
        {"uchar", ScalarKind::UInt8},    {"uint8", ScalarKind::UInt8},
        {"short", ScalarKind::Int16},    {"int16", ScalarKind::Int16},
        {"ushort", ScalarKind::UInt16},  {"uint16", ScalarKind::UInt16},
        {"int", ScalarKind::Int32},      {"int32", ScalarKind::Int32},
        {"uint", ScalarKind::UInt32},    {"uint32", ScalarKind::UInt32},
        {"float", ScalarKind::Float32},  {"float32", ScalarKind::Float32},
        {"double", ScalarKind::Float64}, {"float64", ScalarKind::Float64},
    };
    const auto it = types.find(name);
    if (it == types.end()) return std::nullopt;
    return it->second;
}

Storage storageOf(ScalarKind kind) {
    if (kind == ScalarKind::Float64) return Storage::Float64;
    return isFloat(kind) ? Storage::Float32 : Storage::Integer;
}

PlyHeader parseHeader(const MappedFile& file) {
    const std::string& path = file.path();
    TextScanner scan(file.data(), file.data() + file.size(), path, 0);
    PlyHeader header;
    std::string_view line;
    if (!scan.nextLine(line) || line != "ply")
        throw FormatError::atByte(
            path, 0, "expected the magic line 'ply', got " + quoted(line.substr(0, 16)));
    bool sawFormat = false;
    while (true) {
        if (!scan.nextLine(line))
            throw FormatError::atLine(path, scan.line(), "the header has no 'end_header' line");
        std::vector<std::string_view> words;
        splitFields(line, [&](std::string_view w) { words.push_back(w); });
        if (words.empty()) continue;
        const std::string_view key = words[0];
        auto fail = [&](const std::string& what) {
            throw FormatError::atLine(path, scan.line(), what);
        };
        if (key == "end_header") break;
        if (key == "comment" || key == "obj_info") {
            // Our writer records field types as "comment equiscope-field NAME TYPE".
            if (words.size() == 4 && words[1] == "equiscope-field")
                if (const auto t = fieldTypeFromString(words[3]))
                    header.typeHints[std::string(words[2])] = *t;
            continue;
        }
        if (key == "format") {
            if (words.size() != 3) fail("expected 'format <encoding> 1.0'");
            if (words[1] == "ascii")
                header.encoding = Encoding::Ascii;
            else if (words[1] == "binary_little_endian")
                header.encoding = Encoding::BinaryLE;
            else if (words[1] == "binary_big_endian")
                header.encoding = Encoding::BinaryBE;
            else
                fail("expected ascii, binary_little_endian or binary_big_endian, got " +
                     quoted(words[1]));
            sawFormat = true;
        } else if (key == "element") {
            int64_t count = 0;
            if (words.size() != 3 || !parseInteger(words[2], count) || count < 0)
                fail("expected 'element <name> <count>' with a count >= 0");
            for (const auto& e : header.elements)
                if (e.name == words[1])
                    fail("element " + quoted(words[1]) + " declared twice (first on line " +
                         std::to_string(e.line) + ")");
            header.elements.push_back({std::string(words[1]), count, scan.line(), {}});
        } else if (key == "property") {
            if (header.elements.empty()) fail("'property' before any 'element'");
            PlyProperty prop;
            if (words.size() == 5 && words[1] == "list") {
                const auto countType = plyType(words[2]);
                const auto itemType = plyType(words[3]);
                if (!countType || isFloat(*countType) || !itemType)
                    fail("expected 'property list <integer type> <type> <name>'");
                prop = {std::string(words[4]), *itemType, true, *countType};
            } else if (words.size() == 3) {
                const auto type = plyType(words[1]);
                if (!type) fail("unknown property type " + quoted(words[1]));
                prop = {std::string(words[2]), *type, false, ScalarKind::UInt8};
            } else {
                fail("expected 'property <type> <name>' or 'property list <type> <type> <name>'");
            }
            for (const auto& p : header.elements.back().properties)
                if (p.name == prop.name)
                    fail("property " + quoted(prop.name) + " declared twice in element " +
                         quoted(header.elements.back().name));
            header.elements.back().properties.push_back(prop);
        } else {
            fail("unknown header keyword " + quoted(key));
        }
    }
    if (!sawFormat) throw FormatError::atLine(path, scan.line(), "the header has no 'format' line");
    for (const auto& e : header.elements)
        if (e.count > 0 && e.properties.empty())
            throw FormatError::atLine(path, e.line,
                                      "element '" + e.name + "' has records but no properties");
    header.dataOffset = static_cast<std::size_t>(scan.position() - file.data());
    header.dataLine = scan.line() + 1;
    return header;
}

const char* kFaceListNames[] = {"vertex_indices", "vertex_index"};

bool isFaceList(const PlyElement& e, const PlyProperty& p) {
    if (e.name != "face" || !p.isList) return false;
    for (const char* n : kFaceListNames)
        if (p.name == n) return true;
    return false;
}

// Reads all elements; the vertex element fills `layout`.
class PlyBody {
  public:
    PlyBody(const MappedFile& file, const PlyHeader& header, const Progress& progress)
        : file_(file), header_(header), progress_(progress) {}

    Sample read() {
        const PlyElement* vertex = nullptr;
        for (const auto& e : header_.elements)
            if (e.name == "vertex") vertex = &e;
        if (!vertex)
            throw FormatError::inFile(file_.path(), "the header declares no 'vertex' element");
        std::vector<Column> columns;
        for (const auto& p : vertex->properties)
            if (!p.isList) columns.push_back({p.name, storageOf(p.type)});
        checkCounts();
        vertexCount_ = vertex->count;
        layout_ = layoutColumns(columns, vertex->count, file_.path(), header_.typeHints);

        if (header_.encoding == Encoding::Ascii)
            readAscii();
        else
            readBinary(header_.encoding == Encoding::BinaryBE);

        Sample sample;
        layout_.moveInto(sample);
        edges_ = std::move(edgeSources_);
        edges_.insert(edges_.end(), edgeTargets_.begin(), edgeTargets_.end());
        sample.faces = std::move(faces_);
        sample.edgeIndex = std::move(edges_);
        return sample;
    }

  private:
    // Rejects counts the file's size cannot hold, before anything is allocated.
    void checkCounts() const {
        // Binary: a record needs its fixed bytes; ascii: every value needs at least a
        // character and a separator (the last one may end the file without a separator).
        const bool ascii = header_.encoding == Encoding::Ascii;
        uint64_t left = file_.size() - header_.dataOffset + (ascii ? 1 : 0);
        for (const auto& e : header_.elements) {
            const uint64_t perRecord =
                ascii ? 2 * e.properties.size() : static_cast<uint64_t>(e.fixedBytes());
            left -= requireFits(
                FilePlace::atLine(file_.path(), e.line), static_cast<uint64_t>(e.count), perRecord,
                left, "element '" + e.name + "' with " + std::to_string(e.count) + " records");
        }
    }

    void report(int64_t done, int64_t total) const {
        if ((done & 0xffff) == 0 && total > 0)
            progress_.report(static_cast<double>(done) / static_cast<double>(total), "reading PLY");
    }

    void startFaces(const PlyElement& e) {
        ReadBudget::charge(file_.path(), static_cast<uint64_t>(e.count) + 1, 4 * sizeof(int64_t),
                           std::to_string(e.count) + " faces");
        faces_.offsets.reserve(static_cast<std::size_t>(e.count) + 1);
        faces_.indices.reserve(static_cast<std::size_t>(e.count) * 3);
    }

    void readBinary(bool bigEndian) {
        const char* p = file_.data() + header_.dataOffset;
        const char* end = file_.data() + file_.size();
        auto need = [&](int64_t bytes, const PlyElement& e, int64_t record) {
            if (end - p < bytes)
                throw FormatError::atByte(file_.path(), p - file_.data(),
                                          "file ends inside record " + std::to_string(record) +
                                              " of element '" + e.name + "'");
        };
        for (const auto& e : header_.elements) {
            const bool isVertex = e.name == "vertex";
            const bool isEdge = e.name == "edge";
            if (e.name == "face") startFaces(e);
            if (!e.hasLists()) {
                const int64_t stride = e.fixedBytes();
                need(stride * e.count, e, 0);
                if (isVertex) {
                    decodeFixedVertices(p, e, stride, bigEndian);
                } else if (isEdge) {
                    for (int64_t r = 0; r < e.count; ++r)
                        readEdge(e, FilePlace::atByte(file_.path(), p + r * stride - file_.data()),
                                 r, [&](std::size_t k) {
                                     return loadFixed(p + r * stride, e, k, bigEndian);
                                 });
                }
                p += stride * e.count;
                continue;
            }
            for (int64_t r = 0; r < e.count; ++r) {
                report(r, e.count);
                std::size_t column = 0;
                for (const auto& prop : e.properties) {
                    if (!prop.isList) {
                        need(byteSize(prop.type), e, r);
                        const double v = loadAsDouble(p, prop.type, bigEndian);
                        if (isVertex) layout_.set(column++, r, v);
                        p += byteSize(prop.type);
                        continue;
                    }
                    need(byteSize(prop.countType), e, r);
                    const double n = loadAsDouble(p, prop.countType, bigEndian);
                    if (n < 0) badListCount(p, e, r);
                    p += byteSize(prop.countType);
                    const int64_t items = static_cast<int64_t>(n);
                    const int64_t itemBytes = byteSize(prop.type);
                    need(items * itemBytes, e, r);
                    if (isFaceList(e, prop)) {
                        for (int64_t k = 0; k < items; ++k)
                            faces_.indices.push_back(vertexIndex(
                                loadAsDouble(p + k * itemBytes, prop.type, bigEndian),
                                FilePlace::atByte(file_.path(), p + k * itemBytes - file_.data()),
                                "face", r));
                        faces_.offsets.push_back(static_cast<int64_t>(faces_.indices.size()));
                    }
                    p += items * itemBytes;
                }
            }
        }
    }

    double loadFixed(const char* record, const PlyElement& e, std::size_t k, bool bigEndian) const {
        int64_t offset = 0;
        for (std::size_t i = 0; i < k; ++i) offset += byteSize(e.properties[i].type);
        return loadAsDouble(record + offset, e.properties[k].type, bigEndian);
    }

    // Hot path for large clouds: fixed-size records, one pass, no per-value branching on names.
    void decodeFixedVertices(const char* p, const PlyElement& e, int64_t stride, bool bigEndian) {
        struct Slot {
            int64_t offset;
            ScalarKind type;
            double* base;
            int64_t width;
        };
        if (e.count == 0) return; // no values: data() may be null
        std::vector<Slot> slots;
        int64_t offset = 0;
        for (std::size_t c = 0; c < e.properties.size(); ++c) {
            const ColumnTarget& t = layout_.targets[c];
            if (t.field >= 0) {
                Field& f = layout_.fields[static_cast<std::size_t>(t.field)];
                slots.push_back(
                    {offset, e.properties[c].type, f.values.data() + t.component, f.width()});
            }
            offset += byteSize(e.properties[c].type);
        }
        const bool allFloatLE = !bigEndian && [&] {
            for (const auto& s : slots)
                if (s.type != ScalarKind::Float32) return false;
            return true;
        }();
        constexpr int64_t kChunk = 1 << 16;
        for (int64_t start = 0; start < e.count; start += kChunk) {
            progress_.report(static_cast<double>(start) / static_cast<double>(e.count),
                             "reading PLY");
            const int64_t stop = std::min(e.count, start + kChunk);
            for (const auto& s : slots) {
                double* out = s.base + start * s.width;
                const char* in = p + start * stride + s.offset;
                if (allFloatLE) {
                    for (int64_t r = start; r < stop; ++r, in += stride, out += s.width) {
                        float v;
                        std::memcpy(&v, in, 4);
                        *out = v;
                    }
                } else {
                    for (int64_t r = start; r < stop; ++r, in += stride, out += s.width)
                        *out = loadAsDouble(in, s.type, bigEndian);
                }
            }
        }
    }

    void readAscii() {
        const char* begin = file_.data() + header_.dataOffset;
        TextScanner scan(begin, file_.data() + file_.size(), file_.path(), header_.dataLine);
        for (const auto& e : header_.elements) {
            const bool isVertex = e.name == "vertex";
            const bool isEdge = e.name == "edge";
            if (e.name == "face") startFaces(e);
            std::vector<double> record;
            for (int64_t r = 0; r < e.count; ++r) {
                report(r, e.count);
                std::size_t column = 0;
                record.clear();
                for (const auto& prop : e.properties) {
                    if (!prop.isList) {
                        const std::string_view token = scan.requireToken("a property value");
                        double v = 0;
                        if (!parseDouble(token, v))
                            scan.fail("expected a number for property '" + prop.name +
                                      "' of element '" + e.name + "', got " + quoted(token));
                        if (isVertex) layout_.set(column++, r, v);
                        record.push_back(v);
                        continue;
                    }
                    const int64_t items = scan.requireInteger("a list length");
                    if (items < 0 || static_cast<std::size_t>(items) > scan.remaining())
                        scan.fail("list length " + std::to_string(items) + " is impossible here");
                    record.push_back(NAN); // keeps record[k] the value of property k
                    for (int64_t k = 0; k < items; ++k) {
                        const double v = scan.requireDouble("a list item");
                        if (isFaceList(e, prop))
                            faces_.indices.push_back(vertexIndex(v, scan.here(), "face", r));
                    }
                    if (isFaceList(e, prop))
                        faces_.offsets.push_back(static_cast<int64_t>(faces_.indices.size()));
                }
                if (isEdge) readEdge(e, scan.here(), r, [&](std::size_t k) { return record[k]; });
            }
        }
    }

    template <typename Get>
    void readEdge(const PlyElement& e, const FilePlace& at, int64_t r, Get get) {
        std::optional<std::size_t> a, b;
        for (std::size_t k = 0; k < e.properties.size(); ++k) {
            if (e.properties[k].name == "vertex1") a = k;
            if (e.properties[k].name == "vertex2") b = k;
        }
        if (!a || !b) return;
        edgeSources_.push_back(vertexIndex(get(*a), at, "edge", r));
        edgeTargets_.push_back(vertexIndex(get(*b), at, "edge", r));
    }

    // A face's or edge's vertex index: a whole number below the vertex count.
    int64_t vertexIndex(double v, const FilePlace& at, const char* what, int64_t r) const {
        return requireWhole(at, v, 0, vertexCount_ - 1,
                            std::string("a vertex index of ") + what + " " + std::to_string(r));
    }

    [[noreturn]] void badListCount(const char* p, const PlyElement& e, int64_t r) const {
        throw FormatError::atByte(file_.path(), p - file_.data(),
                                  "negative list length in record " + std::to_string(r) +
                                      " of element '" + e.name + "'");
    }

    const MappedFile& file_;
    const PlyHeader& header_;
    const Progress& progress_;
    ColumnLayout layout_;
    int64_t vertexCount_ = 0;
    Faces faces_;
    std::vector<int64_t> edges_, edgeSources_, edgeTargets_;
};

class PlyReader : public FormatReader {
  public:
    std::string name() const override { return "PLY"; }
    std::vector<std::string> extensions() const override { return {".ply"}; }
    int sniff(std::string_view head) const override {
        return head.substr(0, 4) == "ply\n" || head.substr(0, 5) == "ply\r\n" ? 2 : 0;
    }
    Dataset read(const std::string& path, const Progress& progress) const override {
        MappedFile file(path);
        const PlyHeader header = parseHeader(file);
        return Dataset::of(PlyBody(file, header, progress).read());
    }
};

} // namespace

std::unique_ptr<FormatReader> makePlyReader() {
    return std::make_unique<PlyReader>();
}

} // namespace equiscope
