#pragma once
// A PER model behind the Model interface, so the engine's checks, sweeps and the viewport
// take it like any other: the task's bodies are the nodes (inertia: 5 points with their
// mass as the feature, output the rank-2 tensor per graph; cossim: 3 points, output the
// scalar per graph; motion: the 6 past positions, output the next 6 positions per node,
// centred on and moved back by the past's mean so translations act exactly).

#include "PerTraining.h"
#include "data/Sample.h"
#include "models/ModelRegistry.h"

#include <memory>

namespace equiscope::per {

// The model (`kind`: per | mlp | rpp | emlp) for a task, wrapping `trained` (or fresh
// weights when null).
std::unique_ptr<Model> makePerModel(const std::string& task, const std::string& kind,
                                    std::shared_ptr<SoftEquivariantMlpImpl> trained = nullptr);

// One input of the task as point data (pos, and a "mass" scalar for inertia).
Sample taskSample(const std::string& task, uint64_t seed);

void registerPer(ModelRegistry& registry);

} // namespace equiscope::per
