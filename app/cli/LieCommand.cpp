// equiscope-cli lie: Lie derivative norm per generator (float64 central differences).

#include "Arguments.h"
#include "Commands.h"
#include "metrics/LieDerivative.h"

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

int runLie(const std::vector<std::string>& argv) {
    return guarded("lie", [&] {
        std::vector<std::string> valued = sessionOptions();
        valued.push_back("group");
        const Arguments args(argv, valued, {"json"}, {"model-option"});
        const auto group = makeGroup(args.get("group", "SE3"));
        Session s = openSession(args);
        s.options.float64 = true;
        const Evaluator evaluator(*s.model, s.data.samples.front(), s.options);
        const auto reports = lieDerivatives(evaluator, *group);
        if (args.has("json")) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : reports)
                out.push_back({{"generator", r.generator},
                               {"mean_norm", r.meanNorm},
                               {"relative_norm", r.relativeNorm}});
            std::cout << nlohmann::json{{"model", s.modelName},
                                        {"data", s.dataName},
                                        {"group", group->name()},
                                        {"step", kLieStep},
                                        {"dtype", "float64"},
                                        {"device", deviceName(s.options.device)},
                                        {"generators", out}}
                             .dump()
                      << "\n";
        } else {
            std::cout << "Lie derivative of " << s.modelName << " on " << s.dataName << " ("
                      << group->name() << ", float64, step " << kLieStep << ")\n";
            std::cout << std::left << std::setw(24) << "generator" << std::right << std::setw(14)
                      << "mean |L f|" << std::setw(14) << "relative"
                      << "\n";
            for (const auto& r : reports)
                std::cout << std::left << std::setw(24) << r.generator << std::right
                          << std::scientific << std::setprecision(4) << std::setw(14) << r.meanNorm
                          << std::setw(14) << r.relativeNorm << std::defaultfloat << "\n";
        }
        return kExitOk;
    });
}

} // namespace equiscope::cli
