# Qt 6 and VTK 9 for the desktop application, views, tests and benchmarks.
include(EquiScopeTestDependencies)
find_package(Qt6 6.4 REQUIRED COMPONENTS Widgets OpenGLWidgets Charts Concurrent)

# Debian's VTK-targets.cmake links VTK::mpi to MPI::MPI_C unconditionally; we use no
# MPI module, so an empty stand-in target is enough for generation to succeed.
find_package(MPI QUIET COMPONENTS C)
if(NOT TARGET MPI::MPI_C)
  add_library(MPI::MPI_C INTERFACE IMPORTED)
endif()
# Never list GUISupportQt, RenderingQt or ViewsQt: Debian builds them against Qt 5.
set(EQUISCOPE_VTK_COMPONENTS
    CommonCore CommonDataModel CommonColor RenderingCore RenderingOpenGL2 RenderingFreeType
    RenderingAnnotation InteractionStyle IOPLY IOImage FiltersSources FiltersCore)
find_package(VTK 9.1 REQUIRED COMPONENTS ${EQUISCOPE_VTK_COMPONENTS})
