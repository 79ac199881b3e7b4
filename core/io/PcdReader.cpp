// PCD (Point Cloud Library) v0.5 to v0.7: DATA ascii, binary and binary_compressed (LZF,
// field-major). Packed rgb / rgba become a colour field of 3 / 4 channels.

#include "io/BinaryValues.h"
#include "io/BuiltinReaders.h"
#include "io/ColumnLayout.h"
#include "io/InputLimits.h"
#include "io/Lzf.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/MappedFile.h"
#include "util/ReadBudget.h"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace equiscope {

namespace {

struct PcdField {
    std::string name;
    int size = 4;
    char type = 'F';
    int64_t count = 1;
    ScalarKind kind = ScalarKind::Float32;
    bool packedColor() const {
        return (name == "rgb" || name == "rgba") && size == 4 && count == 1;
    }
};

struct PcdHeader {
    std::vector<PcdField> fields;
    int64_t points = -1, width = -1, height = 1;
    std::string data;
    std::size_t dataOffset = 0;
    int64_t dataLine = 0;
};

std::optional<ScalarKind> kindOf(char type, int size) {
    if (type == 'F' && size == 4) return ScalarKind::Float32;
    if (type == 'F' && size == 8) return ScalarKind::Float64;
    if (type == 'I' || type == 'U') {
        const bool s = type == 'I';
        switch (size) {
        case 1:
            return s ? ScalarKind::Int8 : ScalarKind::UInt8;
        case 2:
            return s ? ScalarKind::Int16 : ScalarKind::UInt16;
        case 4:
            return s ? ScalarKind::Int32 : ScalarKind::UInt32;
        case 8:
            return s ? ScalarKind::Int64 : ScalarKind::UInt64;
        }
    }
    return std::nullopt;
}

PcdHeader parseHeader(const MappedFile& file) {
    const std::string& path = file.path();
    TextScanner scan(file.data(), file.data() + file.size(), path, 0);
    PcdHeader h;
    std::vector<std::string_view> sizes, types, counts;
    std::string_view line;
    std::set<std::string, std::less<>> seen;
    while (h.data.empty()) {
        if (!scan.nextLine(line)) scan.fail("the header has no DATA line");
        std::vector<std::string_view> w;
        splitFields(line, [&](std::string_view s) { w.push_back(s); });
        if (w.empty() || w[0][0] == '#') continue;
        const std::string_view key = w[0];
        if (!seen.emplace(key).second) scan.fail("header keyword " + quoted(key) + " given twice");
        const std::vector<std::string_view> rest(w.begin() + 1, w.end());
        auto single = [&](int64_t& out) {
            if (rest.size() != 1 || !parseInteger(rest[0], out) || out < 0)
                scan.fail("expected '" + std::string(key) + " <integer >= 0>'");
        };
        if (key == "VERSION" || key == "VIEWPOINT") continue;
        if (key == "FIELDS" || key == "COLUMNS") {
            for (auto n : rest) h.fields.push_back({std::string(n)});
        } else if (key == "SIZE")
            sizes = rest;
        else if (key == "TYPE")
            types = rest;
        else if (key == "COUNT")
            counts = rest;
        else if (key == "WIDTH")
            single(h.width);
        else if (key == "HEIGHT")
            single(h.height);
        else if (key == "POINTS")
            single(h.points);
        else if (key == "DATA") {
            if (rest.size() != 1 ||
                (rest[0] != "ascii" && rest[0] != "binary" && rest[0] != "binary_compressed"))
                scan.fail("expected 'DATA ascii', 'DATA binary' or 'DATA binary_compressed'");
            h.data = std::string(rest[0]);
        } else {
            scan.fail("unknown header keyword " + quoted(key));
        }
    }
    if (h.fields.empty()) scan.fail("the header has no FIELDS line");
    const std::size_t n = h.fields.size();
    if (sizes.size() != n || types.size() != n || (!counts.empty() && counts.size() != n))
        scan.fail("FIELDS, SIZE, TYPE and COUNT must list " + std::to_string(n) + " entries each");
    for (std::size_t i = 0; i < n; ++i) {
        PcdField& f = h.fields[i];
        int64_t size = 0;
        if (!parseInteger(sizes[i], size) || types[i].size() != 1)
            scan.fail("bad SIZE or TYPE entry for field " + quoted(f.name));
        f.size = static_cast<int>(size);
        f.type = types[i][0];
        if (!counts.empty() && (!parseInteger(counts[i], f.count) || f.count < 1 || f.count > 4096))
            scan.fail("bad COUNT for field " + quoted(f.name));
        const auto kind = kindOf(f.type, f.size);
        if (!kind)
            scan.fail("field " + quoted(f.name) + ": unsupported TYPE/SIZE " +
                      std::string(1, f.type) + std::to_string(f.size));
        f.kind = *kind;
    }
    if (h.width < 0) scan.fail("the header has no WIDTH line");
    const auto product =
        checkedMul(static_cast<uint64_t>(h.width), static_cast<uint64_t>(h.height));
    if (!product) scan.fail("WIDTH x HEIGHT overflows");
    if (h.points < 0) h.points = static_cast<int64_t>(*product);
    if (static_cast<uint64_t>(h.points) != *product)
        scan.fail("POINTS " + std::to_string(h.points) + " differs from WIDTH x HEIGHT " +
                  std::to_string(*product));
    h.dataOffset = static_cast<std::size_t>(scan.position() - file.data());
    h.dataLine = scan.line() + 1;
    return h;
}

// binary_compressed: the compressed and uncompressed sizes after the header, checked against
// the bytes left, POINTS and LZF's largest ratio before anything is allocated.
struct PackedSizes {
    uint32_t packed, unpacked;
};

PackedSizes packedSizes(const MappedFile& file, const PcdHeader& h, int64_t n,
                        int64_t recordBytes) {
    const std::string& path = file.path();
    const uint64_t available = file.size() - h.dataOffset;
    const char* data = file.data() + h.dataOffset;
    if (available < 8)
        throw FormatError::atByte(path, static_cast<int64_t>(h.dataOffset),
                                  "expected the compressed and uncompressed sizes (8 bytes)");
    const uint32_t packed = loadValue<uint32_t>(data, false);
    const uint32_t unpacked = loadValue<uint32_t>(data + 4, false);
    const auto expected = checkedMul(static_cast<uint64_t>(n), static_cast<uint64_t>(recordBytes));
    if (!expected || unpacked != *expected)
        throw FormatError::atByte(
            path, static_cast<int64_t>(h.dataOffset) + 4,
            "uncompressed size " + std::to_string(unpacked) +
                " differs from POINTS x record size " +
                (expected ? std::to_string(*expected) : std::string("(overflow)")));
    if (packed > available - 8)
        throw FormatError::atByte(path, static_cast<int64_t>(h.dataOffset),
                                  "compressed size " + std::to_string(packed) + " exceeds the " +
                                      std::to_string(available - 8) + " bytes left");
    // LZF expands at most about 90x; a larger claim is corrupt, not a reason to allocate.
    if (static_cast<uint64_t>(unpacked) > static_cast<uint64_t>(packed) * 90 + 64)
        throw FormatError::atByte(path, static_cast<int64_t>(h.dataOffset) + 4,
                                  "uncompressed size " + std::to_string(unpacked) +
                                      " is impossible for " + std::to_string(packed) +
                                      " compressed bytes");
    return {packed, unpacked};
}

class PcdReader : public FormatReader {
  public:
    std::string name() const override { return "PCD"; }
    std::vector<std::string> extensions() const override { return {".pcd"}; }
    int sniff(std::string_view head) const override {
        if (head.substr(0, 6) == "# .PCD") return 2;
        return head.substr(0, 8) == "VERSION " || head.substr(0, 7) == "FIELDS " ? 1 : 0;
    }

    Dataset read(const std::string& path, const Progress& progress) const override {
        MappedFile file(path);
        const PcdHeader h = parseHeader(file);
        const int64_t n = h.points;

        // Columns of the output, and where each PCD field component goes.
        std::vector<Column> columns;
        int64_t recordBytes = 0, recordValues = 0;
        for (const PcdField& f : h.fields) {
            recordBytes += f.size * f.count;
            recordValues += f.count;
            if (f.packedColor()) {
                for (const char* c : {"red", "green", "blue"})
                    columns.push_back({c, Storage::Integer});
                if (f.name == "rgba") columns.push_back({"alpha", Storage::Integer});
                continue;
            }
            const Storage s = f.kind == ScalarKind::Float64 ? Storage::Float64
                              : isFloat(f.kind)             ? Storage::Float32
                                                            : Storage::Integer;
            for (int64_t k = 0; k < f.count; ++k)
                columns.push_back({f.count == 1 ? f.name : f.name + "_" + std::to_string(k), s});
        }
        const uint64_t available = file.size() - h.dataOffset;
        // Binary: whole records; ascii: a character and a separator per value (the last
        // value may end the file).
        if (h.data == "ascii")
            requireFits(FilePlace::atLine(path, h.dataLine), static_cast<uint64_t>(n),
                        2 * static_cast<uint64_t>(recordValues), available + 1,
                        "POINTS " + std::to_string(n));
        else if (h.data == "binary")
            requireFits(FilePlace::atByte(path, static_cast<int64_t>(h.dataOffset)),
                        static_cast<uint64_t>(n), static_cast<uint64_t>(recordBytes), available,
                        "POINTS " + std::to_string(n));
        const PackedSizes sizes = h.data == "binary_compressed"
                                      ? packedSizes(file, h, n, recordBytes)
                                      : PackedSizes{0, 0};
        ColumnLayout layout = layoutColumns(columns, n, path);

        // Stores one PCD value (field f, component k of point r) into the layout.
        std::vector<std::size_t> firstColumn;
        for (std::size_t i = 0, c = 0; i < h.fields.size(); ++i) {
            firstColumn.push_back(c);
            c += h.fields[i].packedColor() ? (h.fields[i].name == "rgba" ? 4 : 3)
                                           : h.fields[i].count;
        }
        auto storeBits = [&](std::size_t fi, int64_t r, uint32_t bits) {
            const std::size_t c = firstColumn[fi];
            layout.set(c, r, (bits >> 16) & 0xff);
            layout.set(c + 1, r, (bits >> 8) & 0xff);
            layout.set(c + 2, r, bits & 0xff);
            if (h.fields[fi].name == "rgba") layout.set(c + 3, r, bits >> 24);
        };
        auto storeBinary = [&](std::size_t fi, int64_t k, int64_t r, const char* p) {
            const PcdField& f = h.fields[fi];
            if (f.packedColor())
                storeBits(fi, r, loadValue<uint32_t>(p, false));
            else
                layout.set(firstColumn[fi] + static_cast<std::size_t>(k), r,
                           loadAsDouble(p, f.kind, false));
        };

        const char* data = file.data() + h.dataOffset;
        if (h.data == "ascii") {
            TextScanner scan(data, file.data() + file.size(), path, h.dataLine);
            for (int64_t r = 0; r < n; ++r) {
                if ((r & 0xffff) == 0) progress.report(static_cast<double>(r) / n, "reading PCD");
                for (std::size_t fi = 0; fi < h.fields.size(); ++fi) {
                    const PcdField& f = h.fields[fi];
                    for (int64_t k = 0; k < f.count; ++k) {
                        const double v = scan.requireDouble("a number");
                        if (!f.packedColor()) {
                            layout.set(firstColumn[fi] + static_cast<std::size_t>(k), r, v);
                        } else if (f.type == 'F') { // PCL prints the packed bits as a float
                            // Beyond float's range is +-inf, not undefined behaviour.
                            const bool over = std::isfinite(v) && std::abs(v) > FLT_MAX;
                            const float asFloat =
                                over ? std::copysign(INFINITY, v) : static_cast<float>(v);
                            uint32_t bits;
                            std::memcpy(&bits, &asFloat, 4);
                            storeBits(fi, r, bits);
                        } else {
                            storeBits(fi, r,
                                      static_cast<uint32_t>(requireWhole(
                                          scan.here(), v, 0, UINT32_MAX, "a packed colour")));
                        }
                    }
                }
            }
        } else if (h.data == "binary") {
            for (int64_t r = 0; r < n; ++r) {
                if ((r & 0xffff) == 0) progress.report(static_cast<double>(r) / n, "reading PCD");
                const char* p = data + r * recordBytes;
                for (std::size_t fi = 0; fi < h.fields.size(); ++fi)
                    for (int64_t k = 0; k < h.fields[fi].count; ++k, p += h.fields[fi].size)
                        storeBinary(fi, k, r, p);
            }
        } else {
            ReadBudget::charge(path, sizes.unpacked, 1, "the decompressed points");
            std::vector<uint8_t> raw(sizes.unpacked);
            if (!lzfDecompress(reinterpret_cast<const uint8_t*>(data + 8), sizes.packed, raw.data(),
                               raw.size()))
                throw FormatError::atByte(path, static_cast<int64_t>(h.dataOffset) + 8,
                                          "corrupt LZF stream");
            progress.report(0.5, "reading PCD");
            // Field-major: all points of field 0, then all of field 1, ...
            const char* p = reinterpret_cast<const char*>(raw.data());
            for (std::size_t fi = 0; fi < h.fields.size(); ++fi)
                for (int64_t r = 0; r < n; ++r)
                    for (int64_t k = 0; k < h.fields[fi].count; ++k, p += h.fields[fi].size)
                        storeBinary(fi, k, r, p);
        }
        Sample sample;
        layout.moveInto(sample);
        return Dataset::of(std::move(sample));
    }
};

} // namespace

std::unique_ptr<FormatReader> makePcdReader() {
    return std::make_unique<PcdReader>();
}

} // namespace equiscope
