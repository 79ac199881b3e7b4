#include "models/ModelRegistry.h"

#include "io/TextScanner.h"
#include "util/Error.h"

#include <algorithm>
#include <fstream>

namespace equiscope {

void ModelRegistry::add(ModelInfo info) {
    if (find(info.name)) throw Error("model '" + info.name + "' is registered twice");
    models_.push_back(std::move(info));
}

const ModelInfo* ModelRegistry::find(const std::string& name) const {
    for (const auto& m : models_)
        if (m.name == name) return &m;
    return nullptr;
}

std::vector<const ModelInfo*> ModelRegistry::all() const {
    std::vector<const ModelInfo*> out;
    for (const auto& m : models_) out.push_back(&m);
    return out;
}

std::unique_ptr<Model> ModelRegistry::create(const std::string& nameOrFile,
                                             const ModelOptions& options) const {
    if (const ModelInfo* info = find(nameOrFile)) {
        ModelOptions complete;
        for (const auto& o : info->options) complete[o.name] = o.defaultValue;
        for (const auto& [k, v] : options) {
            if (!complete.count(k)) {
                std::string known;
                for (const auto& o : info->options) known += (known.empty() ? "" : ", ") + o.name;
                throw Error("model '" + info->name + "' has no option '" + k +
                            "' (options: " + known + ")");
            }
            complete[k] = v;
        }
        return info->create(complete);
    }
    if (std::ifstream(nameOrFile).good()) return loadTorchScriptModel(nameOrFile, options);
    std::string known;
    for (const auto& m : models_) known += (known.empty() ? "" : ", ") + m.name;
    throw Error("unknown model '" + nameOrFile + "': neither a built-in (" + known +
                ") nor a readable TorchScript file");
}

std::string OptionReader::text(const std::string& key) const {
    const auto it = options_.find(key);
    if (it == options_.end())
        throw Error("model '" + model_ + "': option '" + key + "' is missing");
    return it->second;
}

int64_t OptionReader::integer(const std::string& key, int64_t min, int64_t max) const {
    const std::string v = text(key);
    int64_t n = 0;
    if (parseInteger(v, n) && n >= min && n <= max) return n;
    throw Error("model '" + model_ + "': option " + key + "=" + v + " must be an integer in [" +
                std::to_string(min) + ", " + std::to_string(max) + "]");
}

double OptionReader::number(const std::string& key) const {
    const std::string v = text(key);
    double x = 0;
    if (parseDouble(v, x)) return x;
    throw Error("model '" + model_ + "': option " + key + "=" + v + " must be a number");
}

bool OptionReader::flag(const std::string& key) const {
    const std::string v = text(key);
    if (v == "true" || v == "1" || v == "yes") return true;
    if (v == "false" || v == "0" || v == "no") return false;
    throw Error("model '" + model_ + "': option " + key + "=" + v + " must be true or false");
}

std::string OptionReader::choice(const std::string& key,
                                 const std::vector<std::string>& allowed) const {
    const std::string v = text(key);
    if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw Error("model '" + model_ + "': option " + key + "=" + v + " must be one of " + list);
}

void addOption(ModelOptions& options, const std::string& kv) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("model option '" + kv + "': expected key=value");
    options[kv.substr(0, eq)] = kv.substr(eq + 1);
}

} // namespace equiscope
