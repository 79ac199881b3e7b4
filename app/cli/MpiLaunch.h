#pragma once
// Whether this process was started as one of several MPI ranks (mpirun, mpiexec, srun),
// read from the launcher's environment, so that a build without MPI can say so instead of
// running the same job R times.

namespace equiscope::cli {

// The world size the launcher announced; 1 when not launched by one.
int launchedRanks();
// This process's rank as the launcher announced it; 0 when not launched by one.
int launchedRank();

} // namespace equiscope::cli
