// equiscope-cli models: the built-in models, their options and claimed symmetries.

#include "Arguments.h"
#include "BuiltinModels.h"
#include "Commands.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

int runModels(const std::vector<std::string>& argv) {
    return guarded("models", [&] {
        const Arguments args(argv, {}, {"json"});
        if (args.has("json")) {
            nlohmann::json out = nlohmann::json::array();
            for (const ModelInfo* m : builtinModels().all()) {
                nlohmann::json options = nlohmann::json::array();
                for (const auto& o : m->options)
                    options.push_back(
                        {{"name", o.name}, {"default", o.defaultValue}, {"help", o.help}});
                out.push_back({{"name", m->name},
                               {"description", m->description},
                               {"symmetries", m->symmetries},
                               {"options", options}});
            }
            std::cout << out.dump() << "\n";
            return kExitOk;
        }
        for (const ModelInfo* m : builtinModels().all()) {
            std::cout << m->name << " — " << m->description << "\n  claims:";
            for (const auto& c : m->symmetries) std::cout << " " << c;
            std::cout << "\n  options:\n";
            for (const auto& o : m->options)
                std::cout << "    " << o.name << "=" << o.defaultValue << "  " << o.help << "\n";
        }
        std::cout << "\nOr a TorchScript file (model-format.md): --model my_model.pt\n";
        return kExitOk;
    });
}

} // namespace equiscope::cli
