#pragma once
// A PER model behind the Model interface, so the engine's checks, sweeps and the viewport
// take it like any other: the task's bodies are the nodes (inertia: 5 points with their
// mass as the feature, output the rank-2 tensor per graph; cossim: 3 points, output the
// scalar per graph).

#include "PerTraining.h"
#include "data/Sample.h"
#include "models/ModelRegistry.h"

#include <memory>

namespace equiscope::per {

// The model for a task, wrapping `trained` (or fresh weights when null).
std::unique_ptr<Model> makePerModel(const std::string& task, const std::string& variant,
                                    std::shared_ptr<SoftEquivariantMlpImpl> trained = nullptr);

// One input of the task as point data (pos, and a "mass" scalar for inertia).
Sample taskSample(const std::string& task, uint64_t seed);

void registerPer(ModelRegistry& registry);

} // namespace equiscope::per
