#include "ScanOutput.h"

#include "scan/ScanSummary.h"
#include "util/Error.h"

#include <iostream>

namespace equiscope::cli {

ScanWriter::ScanWriter(std::string path, const ScanSettings& settings,
                       const std::vector<ScanRow>& rows)
    : path_(std::move(path)), format_(scanFileFormat(path_)) {
    if (path_.empty()) return;
    writeScanFile(path_, settings, rows);
    out_.open(path_, std::ios::binary | std::ios::app);
    if (!out_) throw Error(path_ + ": cannot open the results for writing");
}

void ScanWriter::append(const std::vector<ScanRow>& rows) {
    if (path_.empty()) return;
    std::string text;
    for (const ScanRow& r : rows) text += scanFileRow(r, format_);
    out_ << text << std::flush;
    if (!out_) throw Error(path_ + ": cannot write the results (disk full?)");
}

void printScanSummary(const ScanSettings& settings, const std::vector<ScanRow>& rows, bool json) {
    const auto summaries = summarizeScan(rows, settings.groups);
    if (json) {
        std::cout << scanSummaryJson(settings, summaries).dump() << "\n";
        return;
    }
    std::cout << "scan of " << settings.model << " on " << settings.data << ": "
              << (summaries.empty() ? 0 : summaries.front().units) << " units, " << settings.samples
              << " elements each (seed " << settings.seed << "), " << settings.dtype << " on "
              << settings.device << "\n"
              << scanSummaryText(summaries);
}

} // namespace equiscope::cli
