#pragma once
// What a dataset scan writes: one row per unit and group, streamed to a results file as
// CSV or, for .jsonl / .ndjson, JSON lines. The file's first line holds the scan's
// settings ("# equiscope-scan {json}" in CSV; {"equiscope_scan": {...}} in JSON lines), so
// that --resume and scan-merge can refuse a file from another scan. Numbers are written in
// their shortest round-trip form: a file read and written again is the same file.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace equiscope {

struct ScanRow {
    int64_t unit = 0;
    std::string name, group;
    bool ok = true;
    int64_t nodes = 0;
    double meanError = 0, maxError = 0;
    int64_t worstNode = -1;  // largest error averaged over elements; -1 for per-sample outputs
    int64_t maxElement = -1; // index, among the `samples` elements drawn with `seed`, of the
                             // element that gave max_error
    // That element's affine part, row-major A (9) then t (3), then its time shift; a
    // permutation is replayed from seed and index.
    std::array<double, 13> element{};
    double seconds = 0;
    std::string error; // why the unit failed
};

// The settings that make two scans the same scan (seconds aside).
struct ScanSettings {
    std::string model, data, dtype, device, features;
    std::vector<std::string> groups;
    int samples = 0;
    uint64_t seed = 0;
    int64_t units = 0;
    int shardIndex = 0, shardCount = 1;

    nlohmann::json toJson() const;
    static ScanSettings fromJson(const nlohmann::json& j);
    // Equal in everything but the shard.
    bool sameScan(const ScanSettings& other) const;
    bool inShard(int64_t unit) const { return unit % shardCount == shardIndex; }
};

enum class ScanFileFormat { Csv, JsonLines };
ScanFileFormat scanFileFormat(const std::string& path); // by extension

std::string scanFileHeader(const ScanSettings& settings, ScanFileFormat format);
std::string scanFileRow(const ScanRow& row, ScanFileFormat format);
// One row line as scanFileRow wrote it (without its line break); throws on a malformed one.
ScanRow parseScanRow(const std::string& line, ScanFileFormat format);

struct ScanFile {
    ScanSettings settings;
    std::vector<ScanRow> rows;
    bool truncatedTail = false; // the last line was cut off (a killed scan) and left out
};
// Reads a results file; a malformed line is an Error naming the file and the line.
ScanFile readScanFile(const std::string& path);

// Units in order, and a unit's groups in the order the scan lists them (the order of the
// file one process writes).
void sortScanRows(std::vector<ScanRow>& rows, const std::vector<std::string>& groups);

// Writes settings and rows to `path` through a temporary file and a rename.
void writeScanFile(const std::string& path, const ScanSettings& settings,
                   const std::vector<ScanRow>& rows);

} // namespace equiscope
