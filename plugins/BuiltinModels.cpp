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

} // namespace equiscope
