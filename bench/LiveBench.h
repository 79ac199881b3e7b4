#pragma once
// What bench_live_latency and its Qt-free twin bench_live_core share: their options and
// the models they time.

#include "models/Model.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace equiscope::bench {

struct LiveBenchOptions {
    int64_t points = 10000;
    int changes = 30;
    std::string device = "cpu";
};

// --points N --changes K [--device D]
inline LiveBenchOptions parseLiveBenchOptions(int argc, char** argv) {
    LiveBenchOptions o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--points")
            o.points = std::atoll(argv[i + 1]);
        else if (k == "--changes")
            o.changes = std::atoi(argv[i + 1]);
        else if (k == "--device")
            o.device = argv[i + 1];
    }
    return o;
}

struct LiveBenchModel {
    const char* label;
    std::string name;
    ModelOptions options;
};

inline std::vector<LiveBenchModel> liveBenchModels() {
    return {{"frame_averaging(pointnet)", "frame_averaging", {{"backbone", "pointnet"}}},
            {"egnn (kNN, k=16)", "egnn", {}},
            {"mlp (baseline)", "mlp", {}}};
}

} // namespace equiscope::bench
