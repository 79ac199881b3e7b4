#include "scan/ScanUnit.h"

#include "util/Error.h"

#include <algorithm>
#include <chrono>

namespace equiscope {

namespace {

ScanRow rowOf(const ErrorReport& report) {
    ScanRow r;
    r.meanError = report.meanError;
    r.maxError = report.maxError;
    if (!report.nodeMean.empty())
        r.worstNode = std::max_element(report.nodeMean.begin(), report.nodeMean.end()) -
                      report.nodeMean.begin();
    if (!report.elementMax.empty()) {
        r.maxElement = std::max_element(report.elementMax.begin(), report.elementMax.end()) -
                       report.elementMax.begin();
        const GroupElement& g = report.elements.at(static_cast<std::size_t>(r.maxElement));
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                r.element[static_cast<std::size_t>(3 * i + j)] = g.linear(i, j);
        for (int i = 0; i < 3; ++i) r.element[static_cast<std::size_t>(9 + i)] = g.translation(i);
        r.element[12] = g.timeShift;
    }
    return r;
}

ScanRow failed(const std::string& message) {
    ScanRow r;
    r.ok = false;
    r.meanError = r.maxError = 0;
    r.error = message;
    return r;
}

} // namespace

GroupElement scanElement(const ScanRow& row) {
    GroupElement g;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            g.linear(i, j) = row.element[static_cast<std::size_t>(3 * i + j)];
    for (int i = 0; i < 3; ++i) g.translation(i) = row.element[static_cast<std::size_t>(9 + i)];
    g.timeShift = row.element[12];
    return g;
}

std::vector<ScanRow> scanUnit(Model& model, const ScanUnits& units, int64_t unit,
                              const std::vector<std::unique_ptr<Group>>& groups,
                              const std::vector<std::string>& groupNames,
                              const EvaluationOptions& options) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    std::vector<ScanRow> rows;
    int64_t nodes = 0;
    try {
        const Sample sample = units.load(unit);
        nodes = sample.nodeCount();
        const Evaluator evaluator(model, sample, options);
        for (const auto& group : groups) {
            const auto groupStart = Clock::now();
            try {
                rows.push_back(rowOf(evaluator.check(*group)));
            } catch (const Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                rows.push_back(failed(e.what()));
            }
            rows.back().seconds = std::chrono::duration<double>(Clock::now() - groupStart).count();
        }
    } catch (const Cancelled&) {
        throw;
    } catch (const std::exception& e) { // the unit could not be read or evaluated at all
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        rows.assign(groups.size(), failed(e.what()));
        for (ScanRow& r : rows) r.seconds = seconds / static_cast<double>(groups.size());
    }
    for (std::size_t g = 0; g < rows.size(); ++g) {
        rows[g].unit = unit;
        rows[g].name = units.name(unit);
        rows[g].group = groupNames[g];
        rows[g].nodes = nodes;
    }
    return rows;
}

} // namespace equiscope
