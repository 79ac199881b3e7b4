#include "io/NpyArray.h"

#include "data/Sample.h"
#include "io/BinaryValues.h"
#include "io/InputLimits.h"
#include "io/TextScanner.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"
#include "util/MappedFile.h"
#include "util/ReadBudget.h"

#include <cstring>

namespace equiscope {

namespace {

// Value of `key` in the header's Python dict literal, up to the next top-level comma.
std::string_view dictValue(std::string_view dict, std::string_view key) {
    for (const char q : {'\'', '"'}) {
        const std::string quotedKey = std::string(1, q) + std::string(key) + std::string(1, q);
        auto at = dict.find(quotedKey);
        if (at == std::string_view::npos) continue;
        at = dict.find(':', at + quotedKey.size());
        if (at == std::string_view::npos) return {};
        std::size_t i = at + 1;
        while (i < dict.size() && dict[i] == ' ') ++i;
        std::size_t j = i;
        int depth = 0;
        while (j < dict.size() && (depth > 0 || (dict[j] != ',' && dict[j] != '}'))) {
            if (dict[j] == '(') ++depth;
            if (dict[j] == ')') --depth;
            ++j;
        }
        return dict.substr(i, j - i);
    }
    return {};
}

} // namespace

NpyArray parseNpy(const char* data, std::size_t size, const std::string& where,
                  int64_t baseOffset) {
    auto fail = [&](int64_t offset, const std::string& what) -> FormatError {
        return FormatError::atByte(where, baseOffset + offset, what);
    };
    if (size < 10 || std::memcmp(data, "\x93NUMPY", 6) != 0)
        throw fail(0, "expected the magic '\\x93NUMPY'");
    const int major = static_cast<unsigned char>(data[6]);
    std::size_t headerLen = 0, headerStart = 0;
    if (major == 1) {
        headerLen = loadValue<uint16_t>(data + 8, false);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (size < 12) throw fail(8, "file ends inside the header length");
        headerLen = loadValue<uint32_t>(data + 8, false);
        headerStart = 12;
    } else {
        throw fail(6, "unsupported .npy version " + std::to_string(major));
    }
    if (headerLen > size - headerStart)
        throw fail(8, "header length " + std::to_string(headerLen) + " exceeds the file");
    const std::string_view dict(data + headerStart, headerLen);

    const std::string_view descr = dictValue(dict, "descr");
    const std::string_view order = dictValue(dict, "fortran_order");
    const std::string_view shapeText = dictValue(dict, "shape");
    if (descr.size() < 4 || shapeText.empty() || order.empty())
        throw fail(static_cast<int64_t>(headerStart),
                   "expected a header with 'descr', 'fortran_order' and 'shape'");
    const std::string type(descr.substr(1, descr.size() - 2)); // drop the quotes
    ScalarKind kind;
    bool bigEndian = type[0] == '>';
    const std::string code = type.substr(1);
    if (code == "f4")
        kind = ScalarKind::Float32;
    else if (code == "f8")
        kind = ScalarKind::Float64;
    else if (code == "i4")
        kind = ScalarKind::Int32;
    else if (code == "i8")
        kind = ScalarKind::Int64;
    else if (code == "u1")
        kind = ScalarKind::UInt8;
    else
        throw fail(static_cast<int64_t>(headerStart),
                   "expected dtype float32 or float64 ('<f4', '<f8'), got " + quoted(type));

    NpyArray array;
    array.storage = kind == ScalarKind::Float64 ? Storage::Float64
                    : isFloat(kind)             ? Storage::Float32
                                                : Storage::Integer;
    uint64_t count = 1;
    std::string_view dims = shapeText;
    if (dims.size() < 2 || dims.front() != '(' || dims.back() != ')')
        throw fail(static_cast<int64_t>(headerStart),
                   "expected a shape tuple, got " + quoted(shapeText));
    dims = dims.substr(1, dims.size() - 2);
    bool ok = true;
    splitFields(dims, [&](std::string_view d) {
        int64_t v = 0;
        if (!parseInteger(d, v) || v < 0) ok = false;
        array.shape.push_back(v);
        const auto next = checkedMul(count, static_cast<uint64_t>(v));
        if (!next)
            ok = false;
        else
            count = *next;
    });
    if (!ok) throw fail(static_cast<int64_t>(headerStart), "bad shape " + quoted(shapeText));
    const std::size_t dataStart = headerStart + headerLen;
    requireFits(FilePlace::atByte(where, baseOffset + static_cast<int64_t>(dataStart)), count,
                static_cast<uint64_t>(byteSize(kind)), size - dataStart,
                "shape " + std::string(shapeText));
    const bool fortran = order.substr(0, 4) == "True";
    ReadBudget::charge(where, count, sizeof(double) * (fortran ? 2 : 1),
                       "an array of shape " + std::string(shapeText));
    array.values.resize(count);
    const char* p = data + dataStart;
    const int item = byteSize(kind);
    for (uint64_t i = 0; i < count; ++i)
        array.values[i] = loadAsDouble(p + i * item, kind, bigEndian);

    if (order.substr(0, 4) == "True" && array.shape.size() == 2) { // column-major -> C order
        const int64_t rows = array.shape[0], cols = array.shape[1];
        std::vector<double> c(array.values.size());
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t k = 0; k < cols; ++k) c[r * cols + k] = array.values[k * rows + r];
        array.values.swap(c);
    } else if (order.substr(0, 4) == "True" && array.shape.size() > 2) {
        throw fail(static_cast<int64_t>(headerStart),
                   "Fortran-ordered arrays of more than two dimensions are not supported");
    }
    return array;
}

void writeNpy(std::ostream& out, const std::vector<double>& values,
              const std::vector<int64_t>& shape, bool float64) {
    std::string dims;
    for (int64_t d : shape) dims += std::to_string(d) + ", ";
    std::string header = std::string("{'descr': '") + (float64 ? "<f8" : "<f4") +
                         "', 'fortran_order': False, 'shape': (" + dims + "), }";
    // Magic (6) + version (2) + length (2) + header + '\n' is padded to 64 bytes.
    const std::size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    out.write("\x93NUMPY\x01\x00", 8);
    const uint16_t len = static_cast<uint16_t>(header.size());
    const char lenBytes[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
    out.write(lenBytes, 2);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    if (float64) {
        out.write(reinterpret_cast<const char*>(values.data()),
                  static_cast<std::streamsize>(values.size() * 8));
    } else {
        std::vector<float> f(values.begin(), values.end());
        out.write(reinterpret_cast<const char*>(f.data()),
                  static_cast<std::streamsize>(f.size() * 4));
    }
}

Sample sampleFromMatrix(const NpyArray& array, const std::string& where) {
    if (array.shape.size() != 2 || array.shape[1] < 2)
        throw FormatError::inFile(
            where, "expected a point array of shape [N,3] or [N,C] with C >= 2, got " +
                       std::to_string(array.shape.size()) + " dimensions");
    const int64_t n = array.shape[0], c = array.shape[1];
    std::vector<double> pos(static_cast<std::size_t>(n) * 3, 0.0);
    for (int64_t r = 0; r < n; ++r)
        for (int64_t k = 0; k < std::min<int64_t>(c, 3); ++k)
            pos[r * 3 + k] = array.values[r * c + k];
    Sample sample;
    sample.setField(Field::perNode(Sample::kPositions, FieldType::Position, n, 3, std::move(pos),
                                   array.storage));
    if (c > 3) {
        std::vector<double> rest(static_cast<std::size_t>(n * (c - 3)));
        for (int64_t r = 0; r < n; ++r)
            for (int64_t k = 3; k < c; ++k) rest[r * (c - 3) + k - 3] = array.values[r * c + k];
        sample.setField(Field::perNode("features", FieldType::Scalar, n, c - 3, std::move(rest),
                                       array.storage));
    }
    return sample;
}

NpyArray readNpyFile(const std::string& path) {
    MappedFile file(path);
    return parseNpy(file.data(), file.size(), path);
}

void writeNpyFile(const std::string& path, const std::vector<double>& values,
                  const std::vector<int64_t>& shape, bool float64) {
    writeFileAtomically(path, [&](std::ostream& out) { writeNpy(out, values, shape, float64); });
}

} // namespace equiscope
