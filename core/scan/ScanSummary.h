#pragma once
// The end of a dataset scan: per group, the distribution of the units' mean errors (mean,
// median, 99th percentile, max; linear interpolation between order statistics), the units
// with the largest mean error, and a histogram by decade.

#include "scan/ScanRecord.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace equiscope {

struct GroupScanSummary {
    std::string group;
    int64_t units = 0, failed = 0;
    double mean = 0, median = 0, p99 = 0, max = 0; // of the units' mean errors
    std::vector<ScanRow> worst;                    // largest mean error first
    std::vector<ScanRow> failures;                 // the first failed units, in unit order
    // Units per decade of mean error: bin k counts errors in [10^(firstDecade+k), 10^(..+1));
    // exact zeros are counted apart.
    int firstDecade = 0;
    std::vector<int64_t> decades;
    int64_t zeros = 0;
};

std::vector<GroupScanSummary> summarizeScan(const std::vector<ScanRow>& rows,
                                            const std::vector<std::string>& groups,
                                            std::size_t worstCount = 10);

// {"model", "data", "units" (those summed up), "groups": {G: {"mean", "median", "p99", "max",
// "failed", "worst": [{"unit", "name", "mean_error", "max_error"}...], "failures": [{"unit",
// "name", "error"}...]}}}
nlohmann::json scanSummaryJson(const ScanSettings& settings,
                               const std::vector<GroupScanSummary>& summaries);
// The same for a terminal, with the histogram drawn in text.
std::string scanSummaryText(const std::vector<GroupScanSummary>& summaries);

} // namespace equiscope
