// equiscope-cli check / profile: equivariance error of a model on data, per group.

#include "Arguments.h"
#include "Commands.h"
#include "groups/Group.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

namespace {

// Everything needed to reproduce a report, including the sampled elements.
nlohmann::json fullRecord(const Session& s, const std::vector<ErrorReport>& reports) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : reports) {
        nlohmann::json elements = nlohmann::json::array();
        for (const auto& e : r.elements) {
            nlohmann::json el = {
                {"linear",
                 {e.linear(0, 0), e.linear(0, 1), e.linear(0, 2), e.linear(1, 0), e.linear(1, 1),
                  e.linear(1, 2), e.linear(2, 0), e.linear(2, 1), e.linear(2, 2)}},
                {"translation", {e.translation(0), e.translation(1), e.translation(2)}}};
            if (!e.permutation.empty()) el["permutation"] = e.permutation;
            elements.push_back(el);
        }
        results.push_back({{"group", r.group},
                           {"samples", r.samples},
                           {"mean_error", r.meanError},
                           {"max_error", r.maxError},
                           {"element_mean_error", r.elementMean},
                           {"element_max_error", r.elementMax},
                           {"elements", elements},
                           {"features", r.features},
                           {"seconds", r.seconds}});
    }
    return {{"model", s.modelName},           {"data", s.dataName},
            {"dtype", reports.front().dtype}, {"device", reports.front().device},
            {"seed", s.options.seed},         {"results", results}};
}

int run(const std::vector<std::string>& argv, bool profile) {
    std::vector<std::string> valued = sessionOptions();
    for (const char* k : {"group", "tol", "report"}) valued.push_back(k);
    const Arguments args(argv, valued, {"json"}, {"model-option"});
    std::vector<std::string> groups = splitList(args.get("group"));
    if (groups.empty()) {
        if (!profile) throw Error("--group G[,G...] is required (e.g. E3, SO3, SO2(z), SE3*Perm)");
        groups = candidateGroups();
    }
    std::vector<std::unique_ptr<Group>> parsed;
    for (const auto& g : groups) parsed.push_back(makeGroup(g)); // fail before any model work
    Session s = openSession(args);
    const Evaluator evaluator(*s.model, s.data.samples.front(), s.options);
    std::vector<ErrorReport> reports;
    for (const auto& g : parsed) reports.push_back(evaluator.check(*g));

    if (args.has("report")) {
        const std::string text = fullRecord(s, reports).dump(1);
        writeFileAtomically(args.get("report"), [&](std::ostream& out) { out << text << "\n"; });
    }
    if (args.has("json")) {
        nlohmann::json results = nlohmann::json::array();
        for (const auto& r : reports)
            results.push_back({{"group", r.group},
                               {"samples", r.samples},
                               {"mean_error", r.meanError},
                               {"max_error", r.maxError}});
        const nlohmann::json out = {
            {"model", s.modelName},           {"data", s.dataName},
            {"dtype", reports.front().dtype}, {"device", reports.front().device},
            {"seed", s.options.seed},         {"results", results}};
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "model " << s.modelName << " (claims:";
        for (const auto& c : s.model->spec().symmetries) std::cout << " " << c;
        std::cout << ")  data " << s.dataName << "  features " << reports.front().features << "  "
                  << reports.front().dtype << " on " << reports.front().device << "  seed "
                  << s.options.seed << "\n";
        std::cout << std::left << std::setw(16) << "group" << std::right << std::setw(9)
                  << "samples" << std::setw(14) << "mean error" << std::setw(14) << "max error"
                  << "\n";
        for (const auto& r : reports)
            std::cout << std::left << std::setw(16) << r.group << std::right << std::setw(9)
                      << r.samples << std::setw(14) << std::setprecision(4) << std::scientific
                      << r.meanError << std::setw(14) << r.maxError << std::defaultfloat << "\n";
        for (const auto& [k, v] : s.model->diagnostics())
            std::cout << "  " << k << ": " << v << "\n";
    }
    if (args.has("tol")) {
        const double tol = args.number("tol", 0);
        for (const auto& r : reports)
            if (!(r.meanError <= tol)) {
                std::cerr << "FAIL: " << r.group << " mean error " << r.meanError << " > tolerance "
                          << tol << "\n";
                return kExitFailedCheck;
            }
    }
    return kExitOk;
}

} // namespace

int runCheck(const std::vector<std::string>& args) {
    return guarded("check", [&] { return run(args, false); });
}
int runProfile(const std::vector<std::string>& args) {
    return guarded("profile", [&] { return run(args, true); });
}

} // namespace equiscope::cli
