#pragma once
// Where scan and scan-merge put their results: rows streamed to the results file as each
// unit finishes (one write and a flush per unit, so a killed scan keeps every finished
// unit), and the summary on stdout as text or one JSON object.

#include "scan/ScanRecord.h"

#include <fstream>
#include <string>
#include <vector>

namespace equiscope::cli {

class ScanWriter {
  public:
    // Starts `path` with the settings and `rows` (written through a temporary file); an
    // empty path writes nothing.
    ScanWriter(std::string path, const ScanSettings& settings, const std::vector<ScanRow>& rows);
    void append(const std::vector<ScanRow>& rows);

  private:
    std::string path_;
    ScanFileFormat format_;
    std::ofstream out_;
};

void printScanSummary(const ScanSettings& settings, const std::vector<ScanRow>& rows, bool json);

} // namespace equiscope::cli
