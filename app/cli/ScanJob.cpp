// The settings, model, units and groups of a scan, as every process of it builds them.

#include "ScanJob.h"

#include "Arguments.h"
#include "ScanOutput.h"
#include "groups/Piecewise.h"
#include "io/TextScanner.h"
#include "models/Device.h"
#include "scan/ScanUnit.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace equiscope::cli {

namespace {

// "I/N" with 0 <= I < N.
std::pair<int, int> parseShard(const std::string& text, const std::string& what) {
    const auto slash = text.find('/');
    int64_t index = -1, count = 0;
    if (slash == std::string::npos || !parseInteger(text.substr(0, slash), index) ||
        !parseInteger(text.substr(slash + 1), count) || count < 1 || count > 1000000 || index < 0 ||
        index >= count)
        throw Error(what + " expects I/N with 0 <= I < N (e.g. 0/4), got '" + text + "'");
    return {static_cast<int>(index), static_cast<int>(count)};
}

// --shard I/N, or a SLURM job array's task (its ids need not start at 0).
std::pair<int, int> shardOf(const Arguments& args, bool quiet) {
    if (args.has("shard")) return parseShard(args.get("shard"), "--shard");
    const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
    const char* count = std::getenv("SLURM_ARRAY_TASK_COUNT");
    if (!id || !count) return {0, 1};
    const char* min = std::getenv("SLURM_ARRAY_TASK_MIN");
    int64_t first = 0, task = 0;
    if (min && !parseInteger(min, first)) first = 0;
    if (!parseInteger(id, task))
        throw Error("SLURM_ARRAY_TASK_ID is not an integer: '" + std::string(id) + "'");
    const std::string shard = std::to_string(task - first) + "/" + count;
    if (!quiet) std::cerr << "equiscope-cli scan: shard " << shard << " from SLURM_ARRAY_TASK_ID\n";
    return parseShard(shard, "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
}

// The model as the user named it, with the options that change it.
std::string modelDescription(const Arguments& args) {
    std::vector<std::string> options = args.all("model-option");
    for (const char* key : {"output", "per", "feature-dim", "load"})
        if (args.has(key)) options.push_back(std::string(key) + "=" + args.get(key));
    std::sort(options.begin(), options.end());
    std::string out = args.get("model");
    for (std::size_t i = 0; i < options.size(); ++i)
        out += (i == 0 ? " (" : ", ") + options[i] + (i + 1 == options.size() ? ")" : "");
    return out;
}

// The rows of an interrupted scan that --resume keeps: every unit with a row for each group.
std::vector<ScanRow> completedRows(const ScanFile& file, const ScanSettings& settings,
                                   const std::string& path) {
    if (!file.settings.sameScan(settings) || file.settings.shardIndex != settings.shardIndex ||
        file.settings.shardCount != settings.shardCount)
        throw Error(path + ": holds another scan (" + file.settings.toJson().dump() +
                    "); --resume continues the same model, data, groups, samples, seed, dtype, "
                    "device, features and shard");
    std::map<int64_t, std::vector<ScanRow>> byUnit;
    for (const ScanRow& r : file.rows) byUnit[r.unit].push_back(r);
    std::vector<ScanRow> kept;
    for (auto& [unit, rows] : byUnit) {
        std::vector<std::string> groups;
        for (const ScanRow& r : rows) groups.push_back(r.group);
        if (groups == settings.groups) kept.insert(kept.end(), rows.begin(), rows.end());
    }
    return kept;
}

} // namespace

std::vector<ScanRow> ScanJob::scan(int64_t unit) const {
    return scanUnit(*model, units, unit, groups, settings.groups, options);
}

ScanJob prepareScan(std::vector<std::string> argv, bool quiet) {
    std::string data;
    if (!argv.empty() && argv.front().rfind("--", 0) != 0) {
        data = argv.front();
        argv.erase(argv.begin());
    }
    std::vector<std::string> valued = sessionOptions();
    for (const char* k : {"group", "out", "shard"}) valued.push_back(k);
    const Arguments args(argv, valued, {"json", "resume"}, {"model-option"});
    for (const char* k : {"index", "frame"})
        if (args.has(k))
            throw Error(std::string("--") + k +
                        " picks one unit; scan visits them all (use check)");
    if (args.has("data")) {
        if (!data.empty()) throw Error("DATA is given twice (positional and --data)");
        data = args.get("data");
    }
    if (data.empty())
        throw Error("usage: scan DATA --model M --group G[,G...] (DATA: a file, a "
                    "directory, demo, nbody:..., shapes:...)");
    ScanJob job;
    job.settings.groups = splitList(args.get("group"));
    if (job.settings.groups.empty())
        throw Error("--group G[,G...] is required (e.g. E3, SO3, Perm)");
    for (const auto& g : job.settings.groups) {
        if (g == kPiecewiseE3)
            throw Error(
                "--group PiecewiseE3 needs a partition per unit; check it one unit at a time");
        job.groups.push_back(makeGroup(g)); // fails before any model work
    }
    job.out = args.get("out");
    job.resume = args.has("resume");
    job.json = args.has("json");
    if (job.resume && job.out.empty()) throw Error("--resume continues the scan in --out FILE");

    job.options = evaluationOptions(args);
    job.model = createSessionModel(args);
    job.units = ScanUnits::open(data);
    if (!quiet)
        for (const std::string& d : job.units.skippedDatasets())
            std::cerr << "equiscope-cli scan: note: " << d
                      << " is a dataset of its own (a reader claims the folder); scan it on its "
                         "own\n";
    ScanSettings& s = job.settings;
    s.model = modelDescription(args);
    s.data = data;
    s.samples = job.options.samples;
    s.seed = job.options.seed;
    s.dtype = job.options.float64 ? "float64" : "float32";
    s.device = deviceName(job.options.device);
    s.features = args.get("features");
    s.units = job.units.size();
    std::tie(s.shardIndex, s.shardCount) = shardOf(args, quiet);
    return job;
}

ScanStart startScan(const ScanJob& job) {
    ScanStart start;
    std::error_code ec;
    const bool exists = !job.out.empty() && std::filesystem::exists(job.out, ec);
    if (exists && !job.resume)
        throw Error(job.out +
                    ": exists; add --resume to finish that scan, or choose another --out");
    if (exists) {
        const ScanFile previous = readScanFile(job.out);
        start.rows = completedRows(previous, job.settings, job.out);
        std::cerr << "equiscope-cli scan: resuming " << job.out << ": "
                  << start.rows.size() / job.settings.groups.size() << " units already done"
                  << (previous.truncatedTail ? " (an unfinished last line dropped)" : "") << "\n";
    }
    std::set<int64_t> done;
    for (const ScanRow& r : start.rows) done.insert(r.unit);
    for (int64_t u = 0; u < job.settings.units; ++u)
        if (job.settings.inShard(u) && !done.count(u)) start.todo.push_back(u);
    return start;
}

void finishScan(const ScanJob& job, std::vector<ScanRow> rows) {
    sortScanRows(rows, job.settings.groups);
    if (!job.out.empty()) writeScanFile(job.out, job.settings, rows);
    printScanSummary(job.settings, rows, job.json);
}

} // namespace equiscope::cli
