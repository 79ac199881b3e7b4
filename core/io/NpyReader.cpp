// NumPy .npy point arrays ([N,3] or [N,C]) and trajectories (NpyTrajectories.h).

#include "io/BuiltinReaders.h"
#include "io/NpyArray.h"
#include "io/NpyTrajectories.h"
#include "util/Error.h"

namespace equiscope {

namespace {

// NRI's edges file ([S,N,N] of 0/1) holds the interaction graphs of a trajectory file, not
// positions: read alone, it would pass for S trajectories of N points in N dimensions.
void refuseInteractionGraphs(const NpyArray& a, const std::string& path) {
    const auto& s = a.shape;
    if (s.size() != 3 || s[1] != s[2] || a.values.empty()) return;
    for (double v : a.values)
        if (v != 0 && v != 1) return;
    throw FormatError::inFile(
        path, "holds interaction graphs [S,N,N] = (" + std::to_string(s[0]) + ", " +
                  std::to_string(s[1]) + ", " + std::to_string(s[2]) +
                  ") of 0/1 (NRI's edges file), not positions; open the positions file beside "
                  "it (the same name with 'loc' for 'edges'), which reads these graphs with it");
}

class NpyReader : public FormatReader {
  public:
    std::string name() const override { return "NPY"; }
    std::vector<std::string> extensions() const override { return {".npy"}; }
    int sniff(std::string_view head) const override {
        return head.substr(0, 6) == "\x93NUMPY" ? 2 : 0;
    }
    Dataset read(const std::string& path, const Progress& progress) const override {
        progress.report(0, "reading NPY");
        NpyArray array = readNpyFile(path);
        refuseInteractionGraphs(array, path);
        if (array.shape.size() >= 3) return trajectoriesFromNpy(path, array);
        return Dataset::of(sampleFromMatrix(array, path));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeNpyReader() {
    return std::make_unique<NpyReader>();
}

} // namespace equiscope
