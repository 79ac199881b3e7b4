#include "io/Writers.h"

#include "io/FormatRegistry.h"
#include "io/NpyArray.h"
#include "io/ZipWriter.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

namespace equiscope {

namespace {

std::vector<std::string> propertyNames(const Field& f) {
    static const std::map<std::string, std::vector<std::string>> known = {
        {"pos", {"x", "y", "z"}},
        {"normal", {"nx", "ny", "nz"}},
        {"color", {"red", "green", "blue", "alpha"}},
        {"velocity", {"vx", "vy", "vz"}},
        {"texcoord", {"u", "v"}},
    };
    const auto w = static_cast<std::size_t>(f.width());
    if (const auto it = known.find(f.name); it != known.end() && w <= it->second.size() &&
                                            (f.name == "color" ? w >= 3 : w == it->second.size()))
        return {it->second.begin(), it->second.begin() + static_cast<std::ptrdiff_t>(w)};
    if (w == 1) return {f.name};
    std::vector<std::string> names;
    for (std::size_t k = 0; k < w; ++k) names.push_back(f.name + "_" + std::to_string(k));
    return names;
}

enum class PlyOut { UChar, Int, Float, Double };

PlyOut outputType(const Field& f) {
    if (f.storage == Storage::Float64) return PlyOut::Double;
    if (f.storage == Storage::Float32) return PlyOut::Float;
    bool byte = true, int32 = true;
    for (double v : f.values) {
        if (!(v >= 0 && v <= 255)) byte = false;
        if (!(v >= -2147483648.0 && v <= 2147483647.0)) int32 = false;
    }
    return byte ? PlyOut::UChar : int32 ? PlyOut::Int : PlyOut::Double;
}

const char* typeName(PlyOut t) {
    switch (t) {
    case PlyOut::UChar:
        return "uchar";
    case PlyOut::Int:
        return "int";
    case PlyOut::Float:
        return "float";
    case PlyOut::Double:
        return "double";
    }
    return "double";
}

template <typename T> void put(std::string& buffer, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    buffer.append(bytes, sizeof(T)); // x86-64 and aarch64 are little endian
}

std::vector<const Field*> perNodeFields(const Sample& sample) {
    std::vector<const Field*> out;
    for (const Field& f : sample.fields)
        if (f.shape.size() == 2 && f.rows() == sample.nodeCount()) out.push_back(&f);
    return out;
}

} // namespace

void writePly(const std::string& path, const Sample& sample) {
    const auto fields = perNodeFields(sample);
    const int64_t n = sample.nodeCount();
    std::vector<PlyOut> types;
    std::ostringstream header;
    header << "ply\nformat binary_little_endian 1.0\ncomment written by EquiScope\n";
    for (const Field* f : fields)
        header << "comment equiscope-field " << f->name << " " << fieldTypeName(f->type) << "\n";
    header << "element vertex " << n << "\n";
    for (const Field* f : fields) {
        types.push_back(outputType(*f));
        for (const auto& name : propertyNames(*f))
            header << "property " << typeName(types.back()) << " " << name << "\n";
    }
    int64_t longest = 0;
    for (int64_t i = 0; i < sample.faces.count(); ++i)
        longest = std::max(longest, sample.faces.offsets[i + 1] - sample.faces.offsets[i]);
    const bool byteCounts = longest <= 255;
    if (sample.faces.count() > 0)
        header << "element face " << sample.faces.count() << "\nproperty list "
               << (byteCounts ? "uchar" : "int") << " int vertex_indices\n";
    if (sample.edgeCount() > 0)
        header << "element edge " << sample.edgeCount()
               << "\nproperty int vertex1\nproperty int vertex2\n";
    header << "end_header\n";

    std::string body;
    body.reserve(static_cast<std::size_t>(n) * 12 * fields.size());
    for (int64_t r = 0; r < n; ++r)
        for (std::size_t i = 0; i < fields.size(); ++i)
            for (int64_t k = 0; k < fields[i]->width(); ++k) {
                const double v = fields[i]->at(r, k);
                switch (types[i]) {
                case PlyOut::UChar:
                    put<uint8_t>(body, static_cast<uint8_t>(v));
                    break;
                case PlyOut::Int:
                    put<int32_t>(body, static_cast<int32_t>(v));
                    break;
                case PlyOut::Float:
                    put<float>(body, static_cast<float>(v));
                    break;
                case PlyOut::Double:
                    put<double>(body, v);
                    break;
                }
            }
    for (int64_t i = 0; i < sample.faces.count(); ++i) {
        const int64_t count = sample.faces.offsets[i + 1] - sample.faces.offsets[i];
        if (byteCounts)
            put<uint8_t>(body, static_cast<uint8_t>(count));
        else
            put<int32_t>(body, static_cast<int32_t>(count));
        for (int64_t k = 0; k < count; ++k)
            put<int32_t>(body,
                         static_cast<int32_t>(sample.faces.indices[sample.faces.offsets[i] + k]));
    }
    const int64_t e = sample.edgeCount();
    for (int64_t i = 0; i < e; ++i) {
        put<int32_t>(body, static_cast<int32_t>(sample.edgeIndex[i]));
        put<int32_t>(body, static_cast<int32_t>(sample.edgeIndex[e + i]));
    }
    writeFileAtomically(path, [&](std::ostream& out) {
        const std::string h = header.str();
        out.write(h.data(), static_cast<std::streamsize>(h.size()));
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
    });
}

void writeNpy(const std::string& path, const Sample& sample) {
    const auto fields = perNodeFields(sample);
    const int64_t n = sample.nodeCount();
    int64_t cols = 0;
    bool float64 = false;
    for (const Field* f : fields) {
        cols += f->width();
        float64 = float64 || f->storage == Storage::Float64;
    }
    std::vector<double> values(static_cast<std::size_t>(n * cols));
    for (int64_t r = 0, c0 = 0; r < n; ++r, c0 = 0)
        for (const Field* f : fields)
            for (int64_t k = 0; k < f->width(); ++k) values[r * cols + c0++] = f->at(r, k);
    writeNpyFile(path, values, {n, cols}, float64);
}

void writeNpz(const std::string& path, const std::vector<NamedArray>& arrays) {
    std::vector<std::pair<std::string, std::string>> members;
    for (const NamedArray& a : arrays) {
        std::ostringstream bytes;
        writeNpy(bytes, a.values, a.shape, true);
        members.emplace_back(a.name + ".npy", bytes.str());
    }
    writeFileAtomically(path, [&](std::ostream& out) { writeStoredZip(out, members); });
}

void writeSample(const std::string& path, const Sample& sample) {
    const std::string ext = lowerExtension(path);
    if (ext == ".ply") return writePly(path, sample);
    if (ext == ".npy") return writeNpy(path, sample);
    if (ext == ".xyz" || ext == ".extxyz") return writeExtXyz(path, sample);
    throw Error(path + ": cannot write '" + ext + "' files; use .ply, .npy or .xyz");
}

} // namespace equiscope
