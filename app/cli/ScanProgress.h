#pragma once
// Progress of a long CLI job on stderr: "scan: 120/500 units (24 %), 3.2 units/s, ETA 1m58s".
// On a terminal the line is redrawn in place a few times a second; in a log (not a
// terminal) a line is written every ten seconds and at the end.

#include <chrono>
#include <cstdint>
#include <string>

namespace equiscope::cli {

class ScanProgress {
  public:
    ScanProgress(std::string label, int64_t total);
    void advance(int64_t done); // units finished so far in this run
    void finish();

  private:
    void print(bool last);

    std::string label_;
    int64_t total_, done_ = 0;
    bool terminal_;
    std::chrono::steady_clock::time_point start_, lastPrint_;
};

} // namespace equiscope::cli
