// APEN forward time on multi-part scenes of 10k and 100k points (median of repeated runs),
// beside the same layers run on one fixed partition (the whole scene as one part: frame-
// averaged PointNets without any partition work) as the baseline of the ratio. Untrained
// weights: the cost does not depend on them.
//
//   bench_apen_forward [--device cpu|cuda] [--repeats K=5] [--points 10000,100000]

#include "BenchSupport.h"
#include "BuiltinModels.h"
#include "apen/ApenModel.h"
#include "scene/MultiPartScene.h"
#include "util/Runtime.h"

#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>

using namespace equiscope;

int main(int argc, char** argv) {
    configureRuntime();
    std::string device = "cpu", sizes = "10000,100000";
    int repeats = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--device")) device = argv[i + 1];
        if (!std::strcmp(argv[i], "--repeats")) repeats = std::stoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--points")) sizes = argv[i + 1];
    }
    const auto model = builtinModels().create("apen");
    auto& apen = dynamic_cast<apen::ApenModel&>(*model);
    const torch::Device where = device == "cuda" ? torch::kCUDA : torch::kCPU;
    apen.network()->to(where);
    std::printf("APEN forward (L = 4, hidden 48, 32 initial parts), float32, device %s, median "
                "of %d\n",
                device.c_str(), repeats);
    std::stringstream list(sizes);
    for (std::string item; std::getline(list, item, ',');) {
        const int64_t points = std::stoll(item);
        const Sample scene = makeMultiPartScene({8, points / 8, 0.0, false, 0.4}, 5);
        const int64_t n = scene.nodeCount();
        const torch::Tensor x = torch::tensor(scene.positions().values, torch::kFloat64)
                                    .view({n, 3})
                                    .to(torch::kFloat32)
                                    .to(where);
        const torch::Tensor feat = torch::ones({n, 1}, x.options());
        const torch::Tensor one = torch::zeros({n}, torch::kInt64).to(where);
        torch::NoGradGuard noGrad;
        auto sync = [&] {
            if (where.is_cuda()) torch::cuda::synchronize();
        };
        const double full = bench::median(bench::timeRuns(repeats, [&] {
            apen.network()->forward(x, feat);
            sync();
        }));
        const double fixed = bench::median(bench::timeRuns(repeats, [&] {
            apen.network()->forwardFixed(x, feat, one);
            sync();
        }));
        std::printf("%7lld points: APEN %8.1f ms   one fixed part %8.1f ms   ratio %.2fx\n",
                    static_cast<long long>(n), full * 1e3, fixed * 1e3, full / fixed);
    }
    return 0;
}
