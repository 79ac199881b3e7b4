#include "MpiLaunch.h"

#include <algorithm>
#include <cstdlib>

namespace equiscope::cli {

int launchedRanks() {
    // Open MPI's mpirun, then PMI (MPICH's hydra, srun --mpi=pmi2), then srun with PMIx.
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
        if (const char* v = std::getenv(name)) return std::max(1, std::atoi(v));
    if (std::getenv("PMIX_RANK"))
        if (const char* v = std::getenv("SLURM_STEP_NUM_TASKS")) return std::max(1, std::atoi(v));
    return 1;
}

int launchedRank() {
    for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"})
        if (const char* v = std::getenv(name)) return std::max(0, std::atoi(v));
    return 0;
}

} // namespace equiscope::cli
