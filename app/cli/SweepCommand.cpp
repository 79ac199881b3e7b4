// equiscope-cli sweep: error along a one-parameter subgroup (--over parameter, the default), or
// against the number of averaged group elements K of a Monte-Carlo model (--over samples),
// as CSV or JSON.

#include "Arguments.h"
#include "BuiltinModels.h"
#include "Commands.h"
#include "ScanProgress.h"
#include "io/TextScanner.h"
#include "metrics/SampleConvergence.h"
#include "metrics/Sweep.h"
#include "models/ModelRegistry.h"
#include "util/Error.h"

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

namespace {

nlohmann::json header(const Session& s, const std::string& group) {
    return {{"model", s.modelName},
            {"data", s.dataName},
            {"group", group},
            {"seed", s.options.seed},
            {"dtype", s.options.float64 ? "float64" : "float32"},
            {"device", deviceName(s.options.device)}};
}

int sweepParameter(const Arguments& args) {
    const auto group = makeGroup(args.get("group", "SO3"));
    const auto axisText = splitList(args.get("axis", "0,0,1"));
    if (axisText.size() != 3) throw Error("--axis expects x,y,z such as 0,0,1");
    Eigen::Vector3d axis;
    for (int k = 0; k < 3; ++k)
        if (!parseDouble(axisText[static_cast<std::size_t>(k)], axis(k)))
            throw Error("--axis expects three numbers x,y,z, got '" + args.get("axis") + "'");
    Session s = openSession(args);
    const Evaluator evaluator(*s.model, s.data.samples.front(), s.options);
    const SweepReport r =
        sweep(evaluator, *group, axis, static_cast<int>(args.integer("steps", 37, 2, 100000)));
    if (args.has("json")) {
        nlohmann::json points = nlohmann::json::array();
        for (const auto& p : r.points)
            points.push_back({{"parameter", p.parameter},
                              {"mean_error", p.meanError},
                              {"max_error", p.maxError}});
        nlohmann::json out = header(s, r.group);
        out["generator"] = r.generator;
        out["unit"] = r.unit;
        out["points"] = points;
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "parameter (" << r.unit << "),mean_error,max_error\n";
        std::cout.precision(9);
        for (const auto& p : r.points)
            std::cout << p.parameter << "," << p.meanError << "," << p.maxError << "\n";
    }
    return kExitOk;
}

std::vector<int> samplesList(const Arguments& args) {
    std::vector<int> values;
    for (const std::string& text : splitList(args.get("values", "1,2,4,8,16,32,64,128"))) {
        int64_t k = 0;
        if (!parseInteger(text, k) || k < 1 || k > 100000)
            throw Error("--values expects increasing integers K in [1, 100000] such as 1,4,16, "
                        "got '" +
                        text + "'");
        values.push_back(static_cast<int>(k));
    }
    return values;
}

// The model's `samples` option swept over --values; every other option as given.
int sweepSamples(const Arguments& args) {
    const ModelInfo* info = builtinModels().find(args.get("model"));
    bool hasSamples = false;
    if (info)
        for (const auto& o : info->options) hasSamples = hasSamples || o.name == "samples";
    if (!hasSamples)
        throw Error("--over samples needs a built-in model with a 'samples' option (affine_mc), "
                    "got '" +
                    args.get("model") + "'");
    const auto group = makeGroup(args.get("group", "SO3"));
    Session s = openSession(args);
    const std::vector<int> values = samplesList(args);
    const auto total = static_cast<int64_t>(values.size());
    ScanProgress shown("sweep over K", total); // one check per K: seconds each at large K
    const Progress progress(
        [&](double fraction, const std::string&) {
            shown.advance(static_cast<int64_t>(std::lround(fraction * static_cast<double>(total))));
        },
        nullptr);
    const ConvergenceReport r = sampleConvergence(
        [&](int k) {
            return createSessionModel(args, {{"samples", std::to_string(k)}});
        },
        s.data.samples.front(), s.options, *group, values, progress);
    shown.advance(total);
    shown.finish();
    if (args.has("json")) {
        nlohmann::json points = nlohmann::json::array();
        for (const auto& p : r.points)
            points.push_back({{"samples", p.samples},
                              {"mean_error", p.meanError},
                              {"max_error", p.maxError},
                              {"reference", p.reference}});
        nlohmann::json out = header(s, r.group);
        out["over"] = "samples";
        out["slope"] = r.slope;
        out["points"] = points;
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "samples,mean_error,max_error,reference (1/sqrt(K) from the first)\n";
        std::cout.precision(9);
        for (const auto& p : r.points)
            std::cout << p.samples << "," << p.meanError << "," << p.maxError << "," << p.reference
                      << "\n";
        std::cout << "# log-log slope " << r.slope << " (-0.5: the 1/sqrt(K) of an invariant "
                  << "measure)\n";
    }
    return kExitOk;
}

} // namespace

int runSweep(const std::vector<std::string>& argv) {
    return guarded("sweep", [&] {
        std::vector<std::string> valued = sessionOptions();
        for (const char* k : {"group", "axis", "steps", "over", "values"}) valued.push_back(k);
        const Arguments args(argv, valued, {"json"}, {"model-option"});
        const std::string over = args.get("over", "parameter");
        if (over == "parameter") return sweepParameter(args);
        if (over == "samples") return sweepSamples(args);
        throw Error("--over expects parameter or samples, got '" + over + "'");
    });
}

} // namespace equiscope::cli
