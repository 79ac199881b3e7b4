#include "scan/ScanSummary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace equiscope {

namespace {

double quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    const double at = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

void fillHistogram(GroupScanSummary& s, const std::vector<double>& errors) {
    std::vector<int> decade;
    for (double e : errors) {
        if (e == 0)
            ++s.zeros;
        else if (std::isfinite(e))
            decade.push_back(static_cast<int>(std::floor(std::log10(e))));
    }
    if (decade.empty()) return;
    const auto [lo, hi] = std::minmax_element(decade.begin(), decade.end());
    s.firstDecade = *lo;
    s.decades.assign(static_cast<std::size_t>(*hi - *lo + 1), 0);
    for (int d : decade) ++s.decades[static_cast<std::size_t>(d - s.firstDecade)];
}

std::string sci(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
    return buffer;
}

} // namespace

std::vector<GroupScanSummary> summarizeScan(const std::vector<ScanRow>& rows,
                                            const std::vector<std::string>& groups,
                                            std::size_t worstCount) {
    std::vector<GroupScanSummary> out;
    for (const std::string& g : groups) {
        GroupScanSummary s;
        s.group = g;
        std::vector<ScanRow> ok;
        for (const ScanRow& r : rows) {
            if (r.group != g) continue;
            ++s.units;
            if (r.ok)
                ok.push_back(r);
            else if (++s.failed <= static_cast<int64_t>(worstCount))
                s.failures.push_back(r);
        }
        std::vector<double> errors;
        for (const ScanRow& r : ok)
            if (!std::isnan(r.meanError)) errors.push_back(r.meanError);
        std::sort(errors.begin(), errors.end());
        if (!errors.empty()) {
            double sum = 0;
            for (double e : errors) sum += e;
            s.mean = sum / static_cast<double>(errors.size());
            s.median = quantile(errors, 0.5);
            s.p99 = quantile(errors, 0.99);
            s.max = errors.back();
        }
        fillHistogram(s, errors);
        // NaN errors (a model that returns NaN) rank as the worst.
        std::stable_sort(ok.begin(), ok.end(), [](const ScanRow& a, const ScanRow& b) {
            if (std::isnan(a.meanError) != std::isnan(b.meanError)) return std::isnan(a.meanError);
            return a.meanError > b.meanError;
        });
        ok.resize(std::min(ok.size(), worstCount));
        s.worst = std::move(ok);
        out.push_back(std::move(s));
    }
    return out;
}

nlohmann::json scanSummaryJson(const ScanSettings& settings,
                               const std::vector<GroupScanSummary>& summaries) {
    nlohmann::json groups = nlohmann::json::object();
    for (const GroupScanSummary& s : summaries) {
        nlohmann::json worst = nlohmann::json::array();
        for (const ScanRow& r : s.worst)
            worst.push_back({{"unit", r.unit},
                             {"name", r.name},
                             {"mean_error", r.meanError},
                             {"max_error", r.maxError}});
        nlohmann::json failures = nlohmann::json::array();
        for (const ScanRow& r : s.failures)
            failures.push_back({{"unit", r.unit}, {"name", r.name}, {"error", r.error}});
        groups[s.group] = {{"mean", s.mean},      {"median", s.median}, {"p99", s.p99},
                           {"max", s.max},        {"failed", s.failed}, {"worst", worst},
                           {"failures", failures}};
    }
    return {{"model", settings.model},
            {"data", settings.data},
            {"units", summaries.empty() ? settings.units : summaries.front().units},
            {"groups", groups}};
}

std::string scanSummaryText(const std::vector<GroupScanSummary>& summaries) {
    std::ostringstream out;
    for (const GroupScanSummary& s : summaries) {
        out << s.group << ": " << s.units << " units, " << s.failed << " failed; unit mean error: "
            << "mean " << sci(s.mean) << "  median " << sci(s.median) << "  p99 " << sci(s.p99)
            << "  max " << sci(s.max) << "\n";
        int64_t most = s.zeros;
        for (int64_t c : s.decades) most = std::max(most, c);
        auto bar = [&](const std::string& label, int64_t count) {
            const auto width =
                most > 0 ? static_cast<std::size_t>((40 * count + most - 1) / most) : 0;
            char line[64];
            std::snprintf(line, sizeof line, "  %-18s %7lld ", label.c_str(),
                          static_cast<long long>(count));
            out << line << std::string(width, '#') << "\n";
        };
        if (s.zeros > 0) bar("exactly 0", s.zeros);
        for (std::size_t k = 0; k < s.decades.size(); ++k) {
            const int d = s.firstDecade + static_cast<int>(k);
            bar("[1e" + std::to_string(d) + ", 1e" + std::to_string(d + 1) + ")", s.decades[k]);
        }
        if (!s.worst.empty()) out << "  worst units (largest mean error first):\n";
        for (const ScanRow& r : s.worst)
            out << "    " << r.name << "  mean " << sci(r.meanError) << "  max " << sci(r.maxError)
                << "  (unit " << r.unit << ", worst node " << r.worstNode << ", element "
                << r.maxElement << ")\n";
        if (!s.failures.empty()) out << "  failed units:\n";
        for (const ScanRow& r : s.failures) out << "    " << r.name << ": " << r.error << "\n";
        if (s.failed > static_cast<int64_t>(s.failures.size()))
            out << "    ... and " << s.failed - static_cast<int64_t>(s.failures.size())
                << " more (status 'error' in the results)\n";
    }
    return out.str();
}

} // namespace equiscope
