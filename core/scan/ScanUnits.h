#pragma once
// The units a dataset scan visits, in a fixed order: each file of a directory (recursively,
// every file with a readable extension), or each graph of a graph dataset, each frame (or
// simulation x frame) of a trajectory, each sample of a generated set. Units are loaded one
// at a time, so a bad file fails its own unit and nothing else.

#include "data/Sample.h"
#include "util/Progress.h"

#include <string>
#include <utility>
#include <vector>

namespace equiscope {

// The (sample, frame) of each unit of a dataset, in the scan's order: every frame of each
// trajectory, one unit per other sample.
std::vector<std::pair<int64_t, int64_t>> scanIndex(const Dataset& dataset);

// True when a scan of `data` visits the files of a directory (no reader claims the folder
// as one dataset); its units' names are then paths relative to it.
bool scansDirectory(const std::string& data);

class ScanUnits {
  public:
    // DATA as loadDataset takes it, or a directory that no reader claims as one dataset.
    static ScanUnits open(const std::string& data, const Progress& progress = {});
    // The units of a dataset already in memory (the app's open data).
    static ScanUnits ofDataset(Dataset dataset);

    int64_t size() const;
    // A readable name: the path relative to the directory, "graph 12", "frame 17",
    // "sim 3 frame 17" or "sample 4".
    std::string name(int64_t unit) const;
    // The unit as a check sees it (displaySample: one frame, a graph's layout). A
    // directory's file that fails to read throws its reader's error.
    Sample load(int64_t unit) const;
    bool isDirectory() const { return !root_.empty(); }
    // Subdirectories left out because a reader claims them as a dataset of their own (a TU
    // dataset's folder); scan each on its own.
    const std::vector<std::string>& skippedDatasets() const { return skipped_; }

  private:
    std::string root_;               // directory mode
    std::vector<std::string> files_; // relative to root_, sorted
    std::vector<std::string> skipped_;
    Dataset dataset_;                                // dataset mode
    std::vector<std::pair<int64_t, int64_t>> index_; // (sample, frame) per unit
};

} // namespace equiscope
