# Dependencies of core/, plugins/ and the CLI: LibTorch, Eigen and header-only libraries.
find_package(Torch REQUIRED)
# Header-only libraries: their CMake packages when installed, else their headers found on
# CMAKE_INCLUDE_PATH (a GPU box with pip's libtorch and copied headers).
find_package(Eigen3 3.3 QUIET NO_MODULE)
if(NOT TARGET Eigen3::Eigen)
  find_path(EQUISCOPE_EIGEN_DIR Eigen/Core PATH_SUFFIXES eigen3 REQUIRED)
  add_library(Eigen3::Eigen INTERFACE IMPORTED)
  target_include_directories(Eigen3::Eigen INTERFACE ${EQUISCOPE_EIGEN_DIR})
endif()
find_package(nlohmann_json 3 QUIET)
if(NOT TARGET nlohmann_json::nlohmann_json)
  find_path(EQUISCOPE_JSON_DIR nlohmann/json.hpp REQUIRED)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json INTERFACE ${EQUISCOPE_JSON_DIR})
endif()
# pugixml parses GraphML; without it GraphML files give a clear error.
find_package(pugixml QUIET)
# zlib inflates deflate-compressed NPZ members; without it only stored members load.
find_package(ZLIB QUIET)
find_package(Threads REQUIRED)
