#include "BuiltinModels.h"

#include "soft_equivariance/PerModel.h"

namespace equiscope {

void registerBuiltinModels(ModelRegistry& registry) {
    registerMlp(registry);
    registerPointNet(registry);
    registerEgnn(registry);
    registerFrameAveraging(registry);
    registerTinvnn(registry);
    registerGraphModels(registry);
    registerTensorProduct(registry);
    registerAffineFa(registry);
    registerAffineMc(registry);
    per::registerPer(registry);
    apen::registerApen(registry);
}

const ModelRegistry& builtinModels() {
    static const ModelRegistry registry = [] {
        ModelRegistry r;
        registerBuiltinModels(r);
        return r;
    }();
    return registry;
}

std::unique_ptr<Model> createModel(const std::string& nameOrFile, ModelOptions options) {
    const auto weights = options.find(kWeightsOption);
    const std::string path = weights != options.end() ? weights->second : std::string();
    if (weights != options.end()) options.erase(weights);
    auto model = builtinModels().create(nameOrFile, options);
    if (!path.empty()) model->load(path);
    return model;
}

} // namespace equiscope
