#include "scan/ScanRecord.h"

#include "io/FormatRegistry.h"
#include "io/TextScanner.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

namespace equiscope {

namespace {

constexpr const char* kCsvMagic = "# equiscope-scan ";
constexpr const char* kJsonKey = "equiscope_scan";
constexpr const char* kCsvColumns = "unit,name,group,status,nodes,mean_error,max_error,"
                                    "worst_node,max_element,element,seconds,error";
constexpr int kCsvColumnCount = 12;

std::string number(double x) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    return ec == std::errc() ? std::string(buffer, end) : "nan";
}

// Messages are kept to one line so that every row is one line, in both formats.
std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

// RFC 4180: quoted when it holds a comma or a quote.
std::string csvField(std::string text) {
    text = oneLine(std::move(text));
    if (text.find_first_of(",\"") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool splitCsv(const std::string& line, std::vector<std::string>& fields) {
    fields.assign(1, "");
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return !quoted;
}

std::string elementText(const std::array<double, 13>& e) {
    std::string out;
    for (double x : e) out += (out.empty() ? "" : " ") + number(x);
    return out;
}

nlohmann::json jsonNumber(double x) {
    return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(number(x));
}

double numberFrom(const nlohmann::json& j) {
    if (j.is_number()) return j.get<double>();
    double x = std::numeric_limits<double>::quiet_NaN();
    if (j.is_string()) parseDouble(j.get<std::string>(), x);
    return x;
}

ScanRow rowFromJson(const nlohmann::json& j) {
    ScanRow r;
    r.unit = j.at("unit").get<int64_t>();
    r.name = j.at("name").get<std::string>();
    r.group = j.at("group").get<std::string>();
    r.ok = j.at("status").get<std::string>() == "ok";
    r.nodes = j.at("nodes").get<int64_t>();
    r.meanError = numberFrom(j.at("mean_error"));
    r.maxError = numberFrom(j.at("max_error"));
    r.worstNode = j.at("worst_node").get<int64_t>();
    r.maxElement = j.at("max_element").get<int64_t>();
    const nlohmann::json& e = j.at("element");
    if (!e.is_array() || e.size() != r.element.size()) throw Error("element: expected 13 numbers");
    for (std::size_t i = 0; i < r.element.size(); ++i) r.element[i] = numberFrom(e[i]);
    r.seconds = numberFrom(j.at("seconds"));
    r.error = j.at("error").get<std::string>();
    return r;
}

int64_t integerField(const std::string& text, const char* what) {
    int64_t x = 0;
    if (!parseInteger(text, x))
        throw Error(std::string(what) + ": expected an integer, got '" + text + "'");
    return x;
}

double doubleField(const std::string& text, const char* what) {
    double x = 0;
    if (!parseDouble(text, x))
        throw Error(std::string(what) + ": expected a number, got '" + text + "'");
    return x;
}

ScanRow rowFromCsv(const std::string& line) {
    std::vector<std::string> f;
    if (!splitCsv(line, f) || f.size() != kCsvColumnCount)
        throw Error("expected " + std::to_string(kCsvColumnCount) + " comma-separated columns (" +
                    kCsvColumns + ")");
    ScanRow r;
    r.unit = integerField(f[0], "unit");
    r.name = f[1];
    r.group = f[2];
    if (f[3] != "ok" && f[3] != "error") throw Error("status: expected ok or error");
    r.ok = f[3] == "ok";
    r.nodes = integerField(f[4], "nodes");
    r.meanError = doubleField(f[5], "mean_error");
    r.maxError = doubleField(f[6], "max_error");
    r.worstNode = integerField(f[7], "worst_node");
    r.maxElement = integerField(f[8], "max_element");
    std::istringstream e(f[9]);
    std::string token;
    std::size_t i = 0;
    while (e >> token) {
        if (i == r.element.size()) throw Error("element: expected 13 numbers");
        r.element[i++] = doubleField(token, "element");
    }
    if (i != r.element.size()) throw Error("element: expected 13 numbers");
    r.seconds = doubleField(f[10], "seconds");
    r.error = f[11];
    return r;
}

} // namespace

nlohmann::json ScanSettings::toJson() const {
    return {{"model", model},
            {"data", data},
            {"groups", groups},
            {"samples", samples},
            {"seed", seed},
            {"dtype", dtype},
            {"device", device},
            {"features", features},
            {"units", units},
            {"shard", std::to_string(shardIndex) + "/" + std::to_string(shardCount)}};
}

ScanSettings ScanSettings::fromJson(const nlohmann::json& j) {
    ScanSettings s;
    s.model = j.at("model").get<std::string>();
    s.data = j.at("data").get<std::string>();
    s.groups = j.at("groups").get<std::vector<std::string>>();
    s.samples = j.at("samples").get<int>();
    s.seed = j.at("seed").get<uint64_t>();
    s.dtype = j.at("dtype").get<std::string>();
    s.device = j.at("device").get<std::string>();
    s.features = j.at("features").get<std::string>();
    s.units = j.at("units").get<int64_t>();
    const std::string shard = j.at("shard").get<std::string>();
    const auto slash = shard.find('/');
    if (slash == std::string::npos) throw Error("shard: expected I/N, got '" + shard + "'");
    s.shardIndex = static_cast<int>(integerField(shard.substr(0, slash), "shard"));
    s.shardCount = static_cast<int>(integerField(shard.substr(slash + 1), "shard"));
    if (s.shardCount < 1 || s.shardIndex < 0 || s.shardIndex >= s.shardCount)
        throw Error("shard: expected I/N with 0 <= I < N, got '" + shard + "'");
    return s;
}

bool ScanSettings::sameScan(const ScanSettings& o) const {
    return model == o.model && data == o.data && groups == o.groups && samples == o.samples &&
           seed == o.seed && dtype == o.dtype && device == o.device && features == o.features &&
           units == o.units;
}

ScanFileFormat scanFileFormat(const std::string& path) {
    const std::string e = lowerExtension(path);
    return e == ".jsonl" || e == ".ndjson" ? ScanFileFormat::JsonLines : ScanFileFormat::Csv;
}

std::string scanFileHeader(const ScanSettings& settings, ScanFileFormat format) {
    if (format == ScanFileFormat::JsonLines)
        return nlohmann::json{{kJsonKey, settings.toJson()}}.dump() + "\n";
    return kCsvMagic + settings.toJson().dump() + "\n" + kCsvColumns + "\n";
}

std::string scanFileRow(const ScanRow& r, ScanFileFormat format) {
    if (format == ScanFileFormat::JsonLines) {
        nlohmann::json element = nlohmann::json::array();
        for (double x : r.element) element.push_back(jsonNumber(x));
        const nlohmann::json j = {{"unit", r.unit},
                                  {"name", oneLine(r.name)},
                                  {"group", r.group},
                                  {"status", r.ok ? "ok" : "error"},
                                  {"nodes", r.nodes},
                                  {"mean_error", jsonNumber(r.meanError)},
                                  {"max_error", jsonNumber(r.maxError)},
                                  {"worst_node", r.worstNode},
                                  {"max_element", r.maxElement},
                                  {"element", element},
                                  {"seconds", jsonNumber(r.seconds)},
                                  {"error", oneLine(r.error)}};
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    return std::to_string(r.unit) + "," + csvField(r.name) + "," + csvField(r.group) + "," +
           (r.ok ? "ok" : "error") + "," + std::to_string(r.nodes) + "," + number(r.meanError) +
           "," + number(r.maxError) + "," + std::to_string(r.worstNode) + "," +
           std::to_string(r.maxElement) + "," + elementText(r.element) + "," + number(r.seconds) +
           "," + csvField(r.error) + "\n";
}

ScanRow parseScanRow(const std::string& line, ScanFileFormat format) {
    return format == ScanFileFormat::Csv ? rowFromCsv(line)
                                         : rowFromJson(nlohmann::json::parse(line));
}

ScanFile readScanFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open the scan results");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const ScanFileFormat format = scanFileFormat(path);
    ScanFile file;
    std::size_t start = 0;
    int64_t lineNumber = 0;
    const std::size_t headerLines = format == ScanFileFormat::Csv ? 2 : 1;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) { // a line the writer did not finish
            file.truncatedTail = true;
            break;
        }
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        const std::string where = path + ":" + std::to_string(lineNumber) + ": ";
        try {
            if (lineNumber == 1 && format == ScanFileFormat::Csv) {
                if (line.rfind(kCsvMagic, 0) != 0)
                    throw Error(std::string("expected the settings line '") + kCsvMagic + "{...}'");
                file.settings = ScanSettings::fromJson(
                    nlohmann::json::parse(line.substr(std::string(kCsvMagic).size())));
            } else if (lineNumber == 1) {
                file.settings = ScanSettings::fromJson(nlohmann::json::parse(line).at(kJsonKey));
            } else if (lineNumber == 2 && format == ScanFileFormat::Csv) {
                if (line != kCsvColumns)
                    throw Error(std::string("expected the column names ") + kCsvColumns);
            } else {
                file.rows.push_back(parseScanRow(line, format));
            }
        } catch (const std::exception& e) {
            throw Error(where + e.what());
        }
    }
    if (static_cast<std::size_t>(lineNumber) < headerLines)
        throw Error(path + ": not a scan results file (no settings line)");
    return file;
}

void sortScanRows(std::vector<ScanRow>& rows, const std::vector<std::string>& groups) {
    const auto at = [&](const std::string& g) {
        return std::find(groups.begin(), groups.end(), g) - groups.begin();
    };
    std::sort(rows.begin(), rows.end(), [&](const ScanRow& a, const ScanRow& b) {
        return a.unit != b.unit ? a.unit < b.unit : at(a.group) < at(b.group);
    });
}

void writeScanFile(const std::string& path, const ScanSettings& settings,
                   const std::vector<ScanRow>& rows) {
    const ScanFileFormat format = scanFileFormat(path);
    writeFileAtomically(path, [&](std::ostream& out) {
        out << scanFileHeader(settings, format);
        for (const ScanRow& r : rows) out << scanFileRow(r, format);
    });
}

} // namespace equiscope
