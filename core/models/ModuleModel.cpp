#include "models/ModuleModel.h"

#include "util/Error.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace equiscope {

ModuleModel::ModuleModel(std::string name, ModelSpec spec, ModelOptions options,
                         std::shared_ptr<torch::nn::Module> module)
    : spec_(std::move(spec)), name_(std::move(name)), options_(std::move(options)),
      module_(std::move(module)) {}

void ModuleModel::setDevice(DeviceKind device) {
    device_ = device;
    module_->to(options().device());
}

void ModuleModel::setFloat64(bool float64) {
    float64_ = float64;
    module_->to(options().dtype().toScalarType());
}

void ModuleModel::save(const std::string& path) const {
    torch::serialize::OutputArchive archive;
    module_->save(archive);
    archive.write("equiscope.model", c10::IValue(name_));
    archive.write("equiscope.options", c10::IValue(nlohmann::json(options_).dump()));
    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    try {
        archive.save_to(temp);
    } catch (const c10::Error& e) {
        std::remove(temp.c_str());
        throw Error(path + ": cannot write weights: " + e.what_without_backtrace());
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        throw Error(path + ": cannot replace the file");
    }
}

void ModuleModel::load(const std::string& path) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
    } catch (const c10::Error& e) {
        throw Error(path +
                    ": not a weights file written by EquiScope: " + e.what_without_backtrace());
    }
    c10::IValue stored;
    if (!archive.try_read("equiscope.model", stored) || stored.toStringRef() != name_)
        throw Error(path + ": holds weights for model '" +
                    (stored.isString() ? stored.toStringRef() : std::string("?")) + "', not '" +
                    name_ + "'");
    // The architecture must match; the seed only chose the initial weights.
    c10::IValue storedOptions;
    auto architecture = [](nlohmann::json j) {
        j.erase("seed");
        return j;
    };
    if (archive.try_read("equiscope.options", storedOptions) &&
        architecture(nlohmann::json::parse(storedOptions.toStringRef())) !=
            architecture(nlohmann::json(options_)))
        throw Error(path + ": was saved with options " + storedOptions.toStringRef() +
                    ", which differ from " + nlohmann::json(options_).dump());
    try {
        module_->load(archive);
    } catch (const c10::Error& e) {
        throw Error(path + ": weights do not fit model '" + name_ +
                    "': " + e.what_without_backtrace());
    }
    module_->to(options().device());
    module_->to(options().dtype().toScalarType());
}

} // namespace equiscope
