// NumPy .npy point arrays ([N,3] or [N,C]) and trajectories (NpyTrajectories.h).

#include "io/BuiltinReaders.h"
#include "io/NpyArray.h"
#include "io/NpyTrajectories.h"
#include "util/MappedFile.h"

namespace equiscope {

namespace {

class NpyReader : public FormatReader {
  public:
    std::string name() const override { return "NPY"; }
    std::vector<std::string> extensions() const override { return {".npy"}; }
    int sniff(std::string_view head) const override {
        return head.substr(0, 6) == "\x93NUMPY" ? 2 : 0;
    }
    Dataset read(const std::string& path, const Progress& progress) const override {
        MappedFile file(path);
        progress.report(0, "reading NPY");
        NpyArray array = parseNpy(file.data(), file.size(), path);
        if (array.shape.size() >= 3) return trajectoriesFromNpy(path, array);
        return Dataset::of(sampleFromMatrix(array, path));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeNpyReader() {
    return std::make_unique<NpyReader>();
}

} // namespace equiscope
