// equiscope-cli scan: the equivariance error of a model over every unit of a dataset,
// streamed to a results file as it is computed, with the distribution summed up at the end.
// Started by mpirun / srun with several ranks, the units are handed out across them.

#include "Commands.h"
#include "MpiLaunch.h"
#include "ScanJob.h"
#include "ScanOutput.h"
#include "ScanProgress.h"
#include "util/Error.h"

#ifdef EQUISCOPE_WITH_MPI
#include "ScanRanks.h"
#endif

namespace equiscope::cli {

namespace {

int scanInOneProcess(const std::vector<std::string>& argv) {
    const ScanJob job = prepareScan(argv);
    ScanStart start = startScan(job);
    ScanWriter writer(job.out, job.settings, start.rows);
    ScanProgress progress("scan", static_cast<int64_t>(start.todo.size()));
    for (std::size_t i = 0; i < start.todo.size(); ++i) {
        const std::vector<ScanRow> rows = job.scan(start.todo[i]);
        writer.append(rows);
        start.rows.insert(start.rows.end(), rows.begin(), rows.end());
        progress.advance(static_cast<int64_t>(i + 1));
    }
    progress.finish();
    finishScan(job, std::move(start.rows));
    return kExitOk;
}

} // namespace

int runScan(const std::vector<std::string>& args) {
    if (launchedRanks() > 1) {
#ifdef EQUISCOPE_WITH_MPI
        return scanAcrossRanks(args);
#else
        return guarded("scan", []() -> int {
            throw Error("started as one of " + std::to_string(launchedRanks()) +
                        " MPI ranks, but this equiscope-cli was built without MPI "
                        "(EQUISCOPE_MPI=OFF); run one process per shard with --shard I/N "
                        "instead");
        });
#endif
    }
    return guarded("scan", [&] { return scanInOneProcess(args); });
}

} // namespace equiscope::cli
