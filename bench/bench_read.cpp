// Median time to read a file with EquiScope's readers (format chosen as the app does).
//
//   bench_read FILE [repeats=7]   -> prints READ_MEDIAN_SECONDS s

#include "BenchSupport.h"
#include "io/LoadDataset.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_read FILE [repeats]\n");
        return 2;
    }
    const std::string path = argv[1];
    const int repeats = argc > 2 ? std::stoi(argv[2]) : 7;
    std::size_t samples = 0;
    const auto seconds = equiscope::bench::timeRuns(
        repeats, [&] { samples = equiscope::loadDataset(path).samples.size(); });
    equiscope::bench::printRow("EquiScope read", seconds);
    std::printf("READ_MEDIAN_SECONDS %.6f (%zu samples)\n", equiscope::bench::median(seconds),
                samples);
    return 0;
}
