#pragma once
// A dataset scan as every process of it sees it: the settings, the model, the units and the
// groups, built the same way in a single process, in a shard and on every MPI rank. The
// process that owns the results file starts it (or resumes it) and finishes it.

#include "groups/Group.h"
#include "metrics/Equivariance.h"
#include "models/Model.h"
#include "scan/ScanRecord.h"
#include "scan/ScanUnits.h"

#include <memory>
#include <string>
#include <vector>

namespace equiscope::cli {

struct ScanJob {
    ScanSettings settings;
    std::string out;
    bool resume = false, json = false;
    EvaluationOptions options;
    std::unique_ptr<Model> model;
    ScanUnits units;
    std::vector<std::unique_ptr<Group>> groups;

    // The rows of one unit, one per group (a unit that fails gives rows with its error).
    std::vector<ScanRow> scan(int64_t unit) const;
};

// Parses `scan DATA --model M --group G ...` and opens the model and the units; notes go to
// stderr unless `quiet`.
ScanJob prepareScan(std::vector<std::string> argv, bool quiet = false);

// What is left to do: the rows --resume keeps from --out (refusing another scan's file) and
// the units of this shard without them. Refuses an existing --out without --resume.
struct ScanStart {
    std::vector<ScanRow> rows;
    std::vector<int64_t> todo;
};
ScanStart startScan(const ScanJob& job);

// Puts the rows in unit order, rewrites --out in that order, prints the summary.
void finishScan(const ScanJob& job, std::vector<ScanRow> rows);

} // namespace equiscope::cli
