#pragma once
// A finished PER run as the CLI prints it and as files: the result object of
// `equiscope-cli train per --json`, and the directory `--out` leaves behind.

#include "PerTraining.h"

#include <nlohmann/json.hpp>
#include <string>

namespace equiscope::per {

// Exactly {"task", "variant", "epsilon", "seed", "levels", "levels_normalized",
//  "regularizer", "equivariance_error", "true_equivariance_error", "test_mse"}, plus
//  "test_ade" for motion (issue 5's contract).
nlohmann::json perResultJson(const PerResult& result);

// result.json (the object above plus "model", "epochs_run", "best_epoch", "seconds"), model.pt
// (loadable by `check --model per --load`) and sample.npy (one input of the task as point data)
// inside `directory`, each written atomically.
void savePerResult(const PerResult& result, const std::string& directory);

} // namespace equiscope::per
