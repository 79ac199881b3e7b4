#pragma once
// Registers every built-in model family with a registry; front ends call this once.

#include "models/ModelRegistry.h"

namespace equiscope {

void registerMlp(ModelRegistry& registry);
void registerPointNet(ModelRegistry& registry);
void registerEgnn(ModelRegistry& registry);           // egnn and subequivariant
void registerFrameAveraging(ModelRegistry& registry); // wraps any registered model
void registerTinvnn(ModelRegistry& registry);
void registerGraphModels(ModelRegistry& registry);   // mpnn, spen (they read the edges)
void registerTensorProduct(ModelRegistry& registry); // tensor_product (Gaunt or CG messages)
void registerAffineFa(ModelRegistry& registry);      // exact Aff(3) invariance (issue 16)
void registerAffineMc(ModelRegistry& registry);      // Monte Carlo over GL+(3) / SL(3)

namespace apen {
void registerApen(ModelRegistry& registry); // apen (partitions, methods.md section 2)
}

void registerBuiltinModels(ModelRegistry& registry);

// A registry with all built-ins, made once.
const ModelRegistry& builtinModels();

// A built-in model or a TorchScript file, as every front end makes one: options as the
// registry takes them, plus kWeightsOption naming trained weights to load. Throws Error
// on bad options or an unreadable weights file.
std::unique_ptr<Model> createModel(const std::string& nameOrFile, ModelOptions options);

} // namespace equiscope
