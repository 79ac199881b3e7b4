// equiscope-cli scan: the equivariance error of a model over every unit of a dataset,
// streamed to a results file as it is computed, with the distribution summed up at the end.

#include "Arguments.h"
#include "Commands.h"
#include "ScanOutput.h"
#include "ScanProgress.h"
#include "groups/Piecewise.h"
#include "io/TextScanner.h"
#include "models/Device.h"
#include "scan/ScanUnit.h"
#include "util/Error.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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
std::pair<int, int> shardOf(const Arguments& args) {
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
    std::cerr << "equiscope-cli scan: shard " << shard << " from SLURM_ARRAY_TASK_ID\n";
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

int scan(std::vector<std::string> argv) {
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
    const std::vector<std::string> groupNames = splitList(args.get("group"));
    if (groupNames.empty()) throw Error("--group G[,G...] is required (e.g. E3, SO3, Perm)");
    std::vector<std::unique_ptr<Group>> groups;
    for (const auto& g : groupNames) {
        if (g == kPiecewiseE3)
            throw Error(
                "--group PiecewiseE3 needs a partition per unit; check it one unit at a time");
        groups.push_back(makeGroup(g)); // fails before any model work
    }
    const std::string out = args.get("out");
    if (args.has("resume") && out.empty()) throw Error("--resume continues the scan in --out FILE");
    std::error_code ec;
    if (!out.empty() && !args.has("resume") && std::filesystem::exists(out, ec))
        throw Error(out + ": exists; add --resume to finish that scan, or choose another --out");

    const EvaluationOptions options = evaluationOptions(args);
    std::unique_ptr<Model> model = createSessionModel(args);
    const ScanUnits units = ScanUnits::open(data);
    for (const std::string& d : units.skippedDatasets())
        std::cerr << "equiscope-cli scan: note: " << d
                  << " is a dataset of its own (a reader claims the folder); scan it on its own\n";

    ScanSettings settings;
    settings.model = modelDescription(args);
    settings.data = data;
    settings.groups = groupNames;
    settings.samples = options.samples;
    settings.seed = options.seed;
    settings.dtype = options.float64 ? "float64" : "float32";
    settings.device = deviceName(options.device);
    settings.features = args.get("features");
    settings.units = units.size();
    std::tie(settings.shardIndex, settings.shardCount) = shardOf(args);

    std::vector<ScanRow> rows;
    if (args.has("resume") && std::filesystem::exists(out, ec)) {
        const ScanFile previous = readScanFile(out);
        rows = completedRows(previous, settings, out);
        std::cerr << "equiscope-cli scan: resuming " << out << ": "
                  << rows.size() / groupNames.size() << " units already done"
                  << (previous.truncatedTail ? " (an unfinished last line dropped)" : "") << "\n";
    }
    ScanWriter writer(out, settings, rows);
    std::set<int64_t> done;
    for (const ScanRow& r : rows) done.insert(r.unit);
    std::vector<int64_t> todo;
    for (int64_t u = 0; u < units.size(); ++u)
        if (settings.inShard(u) && !done.count(u)) todo.push_back(u);

    ScanProgress progress("scan", static_cast<int64_t>(todo.size()));
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const std::vector<ScanRow> unitRows =
            scanUnit(*model, units, todo[i], groups, groupNames, options);
        writer.append(unitRows);
        rows.insert(rows.end(), unitRows.begin(), unitRows.end());
        progress.advance(static_cast<int64_t>(i + 1));
    }
    progress.finish();
    std::sort(rows.begin(), rows.end(), rowOrder(groupNames));
    printScanSummary(settings, rows, args.has("json"));
    return kExitOk;
}

} // namespace

int runScan(const std::vector<std::string>& args) {
    return guarded("scan", [&] { return scan(args); });
}

} // namespace equiscope::cli
