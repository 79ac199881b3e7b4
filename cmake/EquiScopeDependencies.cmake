# Dependencies of core/, plugins/ and the CLI: LibTorch, Eigen and header-only libraries.
find_package(Torch REQUIRED)
find_package(Eigen3 3.3 REQUIRED NO_MODULE)
find_package(nlohmann_json 3 REQUIRED)
# zlib inflates deflate-compressed NPZ members; without it only stored members load.
find_package(ZLIB QUIET)
find_package(Threads REQUIRED)
