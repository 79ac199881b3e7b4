#include "Arguments.h"

#include "BuiltinModels.h"
#include "io/LoadDataset.h"
#include "io/TextScanner.h"
#include "models/ModelRegistry.h"
#include "scene/DisplaySample.h"
#include "util/Error.h"

#include <algorithm>
#include <sstream>

namespace equiscope::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<std::string>& valued,
                     const std::vector<std::string>& flags,
                     const std::vector<std::string>& repeatable) {
    auto known = [](const std::vector<std::string>& list, const std::string& key) {
        return std::find(list.begin(), list.end(), key) != list.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) throw Error("unexpected argument '" + a + "'");
        std::string key = a.substr(2), value;
        const auto eq = key.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) {
            value = key.substr(eq + 1);
            key = key.substr(0, eq);
        }
        if (known(flags, key)) {
            if (inlineValue) throw Error("--" + key + " takes no value");
            values_.emplace(key, "");
            continue;
        }
        if (!known(valued, key)) throw Error("unknown option --" + key);
        if (!inlineValue) {
            if (i + 1 >= args.size()) throw Error("--" + key + " needs a value");
            value = args[++i];
        }
        if (values_.count(key) && !known(repeatable, key))
            throw Error("--" + key + " is given twice");
        values_.emplace(key, value);
    }
}

std::string Arguments::get(const std::string& key, const std::string& fallback) const {
    const auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> Arguments::all(const std::string& key) const {
    std::vector<std::string> out;
    for (auto [it, end] = values_.equal_range(key); it != end; ++it) out.push_back(it->second);
    return out;
}

double Arguments::number(const std::string& key, double fallback) const {
    if (!has(key)) return fallback;
    const std::string v = get(key);
    double x = 0;
    if (parseDouble(v, x)) return x;
    throw Error("--" + key + " expects a number, got '" + v + "'");
}

int64_t Arguments::integer(const std::string& key, int64_t fallback, int64_t min,
                           int64_t max) const {
    if (!has(key)) return fallback;
    const std::string v = get(key);
    int64_t x = 0;
    if (parseInteger(v, x) && x >= min && x <= max) return x;
    throw Error("--" + key + " expects an integer in [" + std::to_string(min) + ", " +
                std::to_string(max) + "], got '" + v + "'");
}

std::vector<std::string> splitList(const std::string& text, char separator) {
    std::vector<std::string> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, separator))
        if (!item.empty()) out.push_back(item);
    return out;
}

std::vector<std::string> sessionOptions() {
    return {"model", "model-option", "load",  "output",     "per",    "feature-dim",
            "data",  "samples",      "seed",  "dtype",      "device", "features",
            "batch", "index",        "frame", "graph-reuse"};
}

std::unique_ptr<Model> createSessionModel(const Arguments& args, const ModelOptions& overrides) {
    if (!args.has("model"))
        throw Error("--model NAME|FILE.pt is required (see equiscope-cli models)");
    ModelOptions options;
    for (const auto& kv : args.all("model-option")) addOption(options, kv);
    for (const auto& [flag, key] :
         {std::pair{"output", "output"}, {"per", "per"}, {"feature-dim", "feature_dim"}})
        if (args.has(flag)) options[key] = args.get(flag);
    if (args.has("load")) options[kWeightsOption] = args.get("load");
    for (const auto& [key, value] : overrides) options[key] = value;
    return createModel(args.get("model"), options);
}

EvaluationOptions evaluationOptions(const Arguments& args) {
    EvaluationOptions o;
    o.samples = static_cast<int>(args.integer("samples", 16, 1, 100000));
    o.seed = static_cast<uint64_t>(args.integer("seed", 0, 0, INT64_MAX));
    const std::string dtype = args.get("dtype", "float32");
    if (dtype != "float32" && dtype != "float64")
        throw Error("--dtype expects float32 or float64, got '" + dtype + "'");
    o.float64 = dtype == "float64";
    o.device = parseDevice(args.get("device", "auto"));
    o.features = splitList(args.get("features"));
    const std::string batch = args.get("batch", "auto");
    int64_t elements = kBatchAuto;
    if (batch != "auto" && (!parseInteger(batch, elements) || elements < 0 || elements > 100000))
        throw Error("--batch expects auto or an integer in [0, 100000] (0: every element in one "
                    "forward), got '" +
                    batch + "'");
    o.batch = static_cast<int>(elements);
    const std::string reuse = args.get("graph-reuse", "on");
    if (reuse != "on" && reuse != "off")
        throw Error("--graph-reuse expects on or off, got '" + reuse + "'");
    o.reuseGraphs = reuse == "on";
    return o;
}

Session openSession(const Arguments& args) {
    Session s;
    s.model = createSessionModel(args);
    s.modelName = args.get("model");
    s.dataName = args.get("data", "demo");
    s.data = loadDataset(s.dataName);
    if (s.data.samples.empty()) throw Error(s.dataName + ": holds no sample");
    // One graph / simulation (--index) at one frame (--frame), as the app shows it: a graph
    // without coordinates gets its layout.
    const int64_t index =
        args.integer("index", 0, 0, static_cast<int64_t>(s.data.samples.size()) - 1);
    Sample shown = displaySample(s.data.samples[static_cast<std::size_t>(index)],
                                 args.integer("frame", 0, 0, INT64_MAX));
    s.data.samples = {std::move(shown)};
    s.options = evaluationOptions(args);
    return s;
}

} // namespace equiscope::cli
