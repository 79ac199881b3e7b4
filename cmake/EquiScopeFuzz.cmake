# EQUISCOPE_FUZZ=ON: a build of the readers' libFuzzer harnesses alone (tests/fuzz), with
# clang's -fsanitize=fuzzer,address,undefined. LibTorch, Qt and VTK are not needed; the
# normal build (gcc, EQUISCOPE_FUZZ=OFF) is untouched. scripts/fuzz.sh configures it.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "EQUISCOPE_FUZZ=ON needs clang (libFuzzer), e.g. "
                      "-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14; "
                      "this is ${CMAKE_CXX_COMPILER_ID}")
endif()
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(pugixml QUIET)
find_package(ZLIB QUIET)
add_subdirectory(tests/fuzz)
