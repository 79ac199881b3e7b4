// NumPy .npz archives: a positions array ([N,3] or [N,C]) plus per-point arrays of the
// same length, which become fields; or trajectories (a positions array of 3 or 4
// dimensions, with vel / edges / charges beside it; NpyTrajectories.h).

#include "io/BuiltinReaders.h"
#include "io/InputLimits.h"
#include "io/NpyArray.h"
#include "io/NpyTrajectories.h"
#include "io/ZipArchive.h"
#include "util/Error.h"
#include "util/MappedFile.h"

#include <algorithm>
#include <map>

namespace equiscope {

namespace {

FieldType typeForName(const std::string& name, const NpyArray& a) {
    const int64_t width = a.shape.size() == 2 ? a.shape[1] : 1;
    auto has = [&](const char* s) { return name.find(s) != std::string::npos; };
    if (width == 3 && (has("normal") || has("vel") || has("force"))) return FieldType::Vector;
    if (width == 1 && a.storage == Storage::Integer &&
        (has("label") || has("part") || has("class")))
        return FieldType::Categorical;
    return FieldType::Scalar;
}

class NpzReader : public FormatReader {
  public:
    std::string name() const override { return "NPZ"; }
    std::vector<std::string> extensions() const override { return {".npz"}; }
    int sniff(std::string_view head) const override {
        return head.substr(0, 4) == "PK\x03\x04" ? 2 : 0;
    }

    Dataset read(const std::string& path, const Progress& progress) const override {
        MappedFile file(path);
        std::map<std::string, NpyArray> arrays;
        std::vector<std::string> order;
        const auto members = listZipMembers(file.data(), file.size(), path);
        for (std::size_t i = 0; i < members.size(); ++i) {
            const ZipMember& m = members[i];
            progress.report(static_cast<double>(i) / members.size(), "reading NPZ");
            if (m.name.size() < 5 || m.name.substr(m.name.size() - 4) != ".npy") continue;
            const std::string key = m.name.substr(0, m.name.size() - 4);
            const std::string where = path + " (member " + m.name + ")";
            if (arrays.count(key))
                throw FormatError::inFile(path, "member " + m.name + " appears twice");
            if (m.method == 0) {
                arrays[key] = parseNpy(file.data() + m.dataOffset, m.compressedSize, where);
            } else {
                const std::vector<char> bytes = extractZipMember(file.data(), file.size(), m, path);
                arrays[key] = parseNpy(bytes.data(), bytes.size(), where);
            }
            order.push_back(key);
        }
        if (arrays.empty()) throw FormatError::inFile(path, "the archive holds no .npy member");

        std::string posKey;
        for (const char* preferred : {"pos", "positions", "points", "xyz", "coords", "x", "loc"})
            if (arrays.count(preferred)) {
                posKey = preferred;
                break;
            }
        if (posKey.empty())
            for (const auto& key : order)
                if (arrays[key].shape.size() == 2 && arrays[key].shape[1] >= 2) {
                    posKey = key;
                    break;
                }
        if (posKey.empty())
            throw FormatError::inFile(path, "no member holds an [N,3] or [N,C] point array");
        if (arrays[posKey].shape.size() >= 3) { // trajectories, e.g. simulate nbody's output
            auto member = [&](std::initializer_list<const char*> names) -> const NpyArray* {
                for (const char* n : names)
                    if (arrays.count(n)) return &arrays[n];
                return nullptr;
            };
            return trajectoriesFromArrays(path + " (member " + posKey + ".npy)", arrays[posKey],
                                          member({"vel", "velocity", "velocities"}),
                                          member({"edges"}), member({"charges", "charge"}));
        }
        Sample sample = sampleFromMatrix(arrays[posKey], path + " (member " + posKey + ".npy)");
        const int64_t n = sample.nodeCount();
        for (const auto& key : order) {
            const NpyArray& a = arrays[key];
            if (key == posKey || a.shape.empty() || a.shape[0] != n || a.shape.size() > 2) continue;
            const int64_t width = a.shape.size() == 2 ? a.shape[1] : 1;
            const FieldType type = typeForName(key, a);
            sample.setField(Field::perNode(key, type, n, width, a.values, a.storage));
            if (type == FieldType::Categorical && (key == "part" || key == "parts"))
                sample.parts = requireLabels(FilePlace::inFile(path + " (member " + key + ".npy)"),
                                             a.values, "the part label of point");
        }
        return Dataset::of(std::move(sample));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeNpzReader() {
    return std::make_unique<NpzReader>();
}

} // namespace equiscope
