// equiscope-cli scan-merge: the shards of a scan (--shard I/N, a SLURM job array) joined
// into the results file a single process would have written.

#include "Arguments.h"
#include "Commands.h"
#include "ScanOutput.h"
#include "util/Error.h"

#include <iostream>
#include <map>

namespace equiscope::cli {

namespace {

int merge(std::vector<std::string> argv) {
    std::vector<std::string> parts;
    while (!argv.empty() && argv.front().rfind("--", 0) != 0) {
        parts.push_back(argv.front());
        argv.erase(argv.begin());
    }
    const Arguments args(argv, {"out"}, {"json"});
    if (parts.empty() || !args.has("out"))
        throw Error("usage: scan-merge PART... --out RESULTS [--json]");
    ScanSettings settings;
    std::vector<ScanRow> rows;
    std::map<std::pair<int64_t, std::string>, std::string> seen; // (unit, group) -> part
    for (const std::string& part : parts) {
        const ScanFile file = readScanFile(part);
        if (file.truncatedTail)
            throw Error(part + ": its last line is unfinished (was the shard killed?); finish it "
                               "with scan --resume first");
        if (part == parts.front())
            settings = file.settings;
        else if (!file.settings.sameScan(settings))
            throw Error(part + ": comes from another scan than " + parts.front() + " (" +
                        file.settings.toJson().dump() + ")");
        for (const ScanRow& r : file.rows) {
            const auto [it, fresh] = seen.emplace(std::pair{r.unit, r.group}, part);
            if (!fresh)
                throw Error(part + ": unit " + std::to_string(r.unit) + " (" + r.name + ", " +
                            r.group + ") is also in " + it->second);
            rows.push_back(r);
        }
    }
    for (int64_t u = 0; u < settings.units; ++u)
        for (const std::string& g : settings.groups)
            if (!seen.count({u, g}))
                throw Error("unit " + std::to_string(u) + " under " + g +
                            " is in none of the parts (a shard missing or unfinished?)");
    sortScanRows(rows, settings.groups);
    settings.shardIndex = 0;
    settings.shardCount = 1;
    writeScanFile(args.get("out"), settings, rows);
    std::cerr << "equiscope-cli scan-merge: " << parts.size() << " parts, " << settings.units
              << " units -> " << args.get("out") << "\n";
    printScanSummary(settings, rows, args.has("json"));
    return kExitOk;
}

} // namespace

int runScanMerge(const std::vector<std::string>& args) {
    return guarded("scan-merge", [&] { return merge(args); });
}

} // namespace equiscope::cli
