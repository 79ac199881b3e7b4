#pragma once
// How a train subcommand runs: in one process, or, started by mpirun with several ranks
// (built with EQUISCOPE_MPI), data-parallel over them (core/train/DataParallel.h) with rank
// 0 alone showing progress, printing and writing.

#include "train/Collective.h"
#include "util/Progress.h"

#include <functional>

namespace equiscope::cli {

// Trains on `collective` (null: one process) with `progress`, and returns what reports the
// result (prints it, saves --out), which rank 0 alone calls.
using TrainRun = std::function<std::function<void()>(Collective*, const Progress&)>;

// `prepare` parses the arguments (throwing on bad ones) into a run. Returns the exit status.
int trainCommand(const char* command, const std::function<TrainRun()>& prepare);

} // namespace equiscope::cli
