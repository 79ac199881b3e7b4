# MPI for `mpirun -n R equiscope-cli scan`: Debian's Open MPI (pulled in by VTK already).
# EQUISCOPE_MPI is ON where MPI is found; only equiscope-cli links it, never the app or core.
find_package(MPI QUIET COMPONENTS CXX)
option(EQUISCOPE_MPI "Build equiscope-cli's MPI scans (Open MPI)" ${MPI_CXX_FOUND})
if(EQUISCOPE_MPI AND NOT MPI_CXX_FOUND)
  message(FATAL_ERROR "EQUISCOPE_MPI=ON but no MPI was found (libopenmpi-dev openmpi-bin)")
endif()
