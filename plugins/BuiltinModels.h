#pragma once
// Registers every built-in model family with a registry; front ends call this once.

#include "models/ModelRegistry.h"

namespace equiscope {

void registerMlp(ModelRegistry& registry);
void registerPointNet(ModelRegistry& registry);
void registerEgnn(ModelRegistry& registry);
void registerFrameAveraging(ModelRegistry& registry); // wraps any registered model
void registerTinvnn(ModelRegistry& registry);         // wraps any registered model

void registerBuiltinModels(ModelRegistry& registry);

// A registry with all built-ins, made once.
const ModelRegistry& builtinModels();

} // namespace equiscope
