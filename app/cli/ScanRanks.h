#pragma once
// `mpirun -n R equiscope-cli scan ...` (built with EQUISCOPE_MPI): every rank builds the same
// job; rank 0 hands units out one at a time to whichever rank asks (slow units stall no
// one), scans units itself on a second thread, streams every row to the results file as it
// comes, and writes the file in unit order at the end: the file a single process writes.

#include <string>
#include <vector>

namespace equiscope::cli {

int scanAcrossRanks(const std::vector<std::string>& args);

} // namespace equiscope::cli
