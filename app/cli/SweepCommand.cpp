// equiscope-cli sweep: error along a one-parameter subgroup, as CSV or JSON.

#include "Arguments.h"
#include "Commands.h"
#include "io/TextScanner.h"
#include "metrics/Sweep.h"
#include "util/Error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

int runSweep(const std::vector<std::string>& argv) {
    return guarded("sweep", [&] {
        std::vector<std::string> valued = sessionOptions();
        for (const char* k : {"group", "axis", "steps"}) valued.push_back(k);
        const Arguments args(argv, valued, {"json"}, {"model-option"});
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
            std::cout << nlohmann::json{{"model", s.modelName},
                                        {"data", s.dataName},
                                        {"group", r.group},
                                        {"generator", r.generator},
                                        {"unit", r.unit},
                                        {"seed", s.options.seed},
                                        {"dtype", s.options.float64 ? "float64" : "float32"},
                                        {"device", deviceName(s.options.device)},
                                        {"points", points}}
                             .dump()
                      << "\n";
        } else {
            std::cout << "parameter (" << r.unit << "),mean_error,max_error\n";
            std::cout.precision(9);
            for (const auto& p : r.points)
                std::cout << p.parameter << "," << p.meanError << "," << p.maxError << "\n";
        }
        return kExitOk;
    });
}

} // namespace equiscope::cli
