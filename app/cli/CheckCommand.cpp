// equiscope-cli check / profile: equivariance error of a model on data, per group.

#include "Arguments.h"
#include "Commands.h"
#include "groups/Group.h"
#include "metrics/PiecewiseEquivariance.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <algorithm>
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

// PiecewiseE3 over the data's true parts (gt) or the model's predicted partition (pred).
ErrorReport piecewiseReport(Session& s, const std::string& parts, const std::string& features) {
    const Sample& sample = s.data.samples.front();
    Partition partition;
    if (parts == "gt") {
        if (sample.parts.empty())
            throw Error("--parts gt: " + s.dataName +
                        " has no ground-truth parts (a part/segment/instance label field)");
        partition = compactPartition(sample.parts);
    } else if (parts == "pred") {
        partition = predictedPartition(*s.model, sample, s.options);
    } else {
        throw Error("--parts: expected gt or pred, got '" + parts + "'");
    }
    const PiecewiseReport p = checkPiecewise(*s.model, sample, partition, s.options);
    ErrorReport r;
    r.group = "PiecewiseE3(" + parts + ", " + std::to_string(p.partCount) + " parts)";
    r.samples = p.samples;
    r.meanError = p.meanError;
    r.maxError = p.maxError;
    r.seed = s.options.seed;
    r.dtype = s.options.float64 ? "float64" : "float32";
    r.device = s.options.device == DeviceKind::Cuda ? "cuda" : "cpu";
    r.seconds = p.seconds;
    r.features = features;
    return r;
}

int run(const std::vector<std::string>& argv, bool profile) {
    std::vector<std::string> valued = sessionOptions();
    for (const char* k : {"group", "tol", "report", "parts"}) valued.push_back(k);
    const Arguments args(argv, valued, {"json"}, {"model-option"});
    std::vector<std::string> groups = splitList(args.get("group"));
    if (groups.empty()) {
        if (!profile) throw Error("--group G[,G...] is required (e.g. E3, SO3, SO2(z), SE3*Perm)");
        groups = candidateGroups();
    }
    std::vector<std::unique_ptr<Group>> parsed; // null: PiecewiseE3
    for (const auto& g : groups)                // fail before any model work
        parsed.push_back(g == kPiecewiseE3 ? nullptr : makeGroup(g));
    if (args.has("parts") && std::find(groups.begin(), groups.end(), kPiecewiseE3) == groups.end())
        throw Error("--parts goes with --group PiecewiseE3");
    Session s = openSession(args);
    const Evaluator evaluator(*s.model, s.data.samples.front(), s.options);
    std::vector<ErrorReport> reports;
    for (const auto& g : parsed)
        reports.push_back(
            g ? evaluator.check(*g)
              : piecewiseReport(s, args.get("parts", "gt"), evaluator.featureDescription()));
    for (const std::string& note : evaluator.notes())
        std::cerr << "equiscope-cli check: note: " << note << "\n";

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
        const nlohmann::json out = {{"model", s.modelName},
                                    {"data", s.dataName},
                                    {"dtype", reports.front().dtype},
                                    {"device", reports.front().device},
                                    {"seed", s.options.seed},
                                    {"batch", evaluator.batch()},
                                    {"forward_bytes", evaluator.forwardBytes()},
                                    {"graph_builds", evaluator.graphBuilds()},
                                    {"results", results}};
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "model " << s.modelName << " (claims:";
        for (const auto& c : s.model->spec().symmetries) std::cout << " " << c;
        std::cout << ")  data " << s.dataName << "  features " << reports.front().features << "  "
                  << reports.front().dtype << " on " << reports.front().device << "  seed "
                  << s.options.seed << "\n";
        std::cout << "batch " << evaluator.batchChoice() << "\n";
        if (evaluator.graphBuilds() > 0)
            std::cout << "graph: built on x once, relabelled for each distance-preserving element "
                         "(--graph-reuse off rebuilds it per element)\n";
        int width = 16;
        for (const auto& r : reports) width = std::max(width, static_cast<int>(r.group.size()) + 2);
        std::cout << std::left << std::setw(width) << "group" << std::right << std::setw(9)
                  << "samples" << std::setw(14) << "mean error" << std::setw(14) << "max error"
                  << "\n";
        for (const auto& r : reports)
            std::cout << std::left << std::setw(width) << r.group << std::right << std::setw(9)
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
