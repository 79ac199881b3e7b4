#include "models/WrappedModel.h"

#include "util/Error.h"

namespace equiscope {

std::unique_ptr<Model> createBackbone(const ModelRegistry& registry, const std::string& wrapper,
                                      const ModelOptions& options) {
    const std::string name = OptionReader(wrapper, options).text("backbone");
    const ModelInfo* info = registry.find(name);
    if (!info || name == wrapper) throw Error(wrapper + ": unknown backbone '" + name + "'");
    ModelOptions forwarded;
    for (const auto& spec : info->options)
        if (options.count(spec.name)) forwarded[spec.name] = options.at(spec.name);
    return registry.create(name, forwarded);
}

} // namespace equiscope
