// `check` with K elements in one batched forward against K single forwards, same model,
// data and elements, in the same run; medians and the ratio. With --save-model it also
// writes the TorchScript model it used, for the Python loop (python_equivariance_loop.py).
//
//   bench_check [--model FILE.pt|NAME] [--data FILE|demo] [--points N] [--elements K]
//               [--repeats R] [--device cpu|cuda] [--save-model OUT.pt] [--dump-points OUT.npy]

#include "BenchSupport.h"
#include "BuiltinModels.h"
#include "groups/Group.h"
#include "io/LoadDataset.h"
#include "io/Writers.h"
#include "metrics/Equivariance.h"
#include "util/Runtime.h"

#include <ATen/Parallel.h>
#include <cstdio>
#include <string>
#include <torch/script.h>

using namespace equiscope;

namespace {

// A small equivariant-by-construction point model in TorchScript: per-point features from
// distances to the centroid, a scalar MLP on them, and positions moved along x - centroid.
void saveBenchModel(const std::string& path) {
    torch::jit::Module m("BenchModel");
    torch::manual_seed(0);
    m.register_parameter("w1", torch::randn({1, 64}) * 0.5, false);
    m.register_parameter("w2", torch::randn({64, 64}) * 0.1, false);
    m.register_parameter("w3", torch::randn({64, 1}) * 0.1, false);
    m.define(R"JIT(
def forward(self, pos, feat):
    c = pos.mean(dim=1, keepdim=True)
    r = pos - c
    d = (r * r).sum(dim=2, keepdim=True)
    h = torch.tanh(d @ self.w1)
    h = torch.tanh(h @ self.w2)
    return pos + r * (h @ self.w3)
)JIT");
    torch::jit::ExtraFilesMap extra{
        {"equiscope.json",
         R"({"output": "position", "per": "node", "feature_dim": 1, "symmetries": ["E3"]})"}};
    m.save(path, extra);
}

Sample firstPoints(const Sample& s, int64_t n) {
    Sample out;
    const Field& p = s.positions();
    n = std::min(n, p.rows());
    out.setField(Field::perNode("pos", FieldType::Position, n, 3,
                                std::vector<double>(p.values.begin(), p.values.begin() + n * 3),
                                Storage::Float64));
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string model = "", data = "demo", device = "cpu", save, dump;
    int64_t points = 2000, elements = 64, repeats = 7;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--model")
            model = v;
        else if (k == "--data")
            data = v;
        else if (k == "--points")
            points = std::stoll(v);
        else if (k == "--elements")
            elements = std::stoll(v);
        else if (k == "--repeats")
            repeats = std::stoll(v);
        else if (k == "--device")
            device = v;
        else if (k == "--save-model")
            save = v;
        else if (k == "--dump-points")
            dump = v;
        else {
            std::fprintf(stderr, "unknown option %s\n", k.c_str());
            return 2;
        }
    }
    configureRuntime();
    if (model.empty()) {
        model = save.empty() ? "/tmp/equiscope_bench_model.pt" : save;
        saveBenchModel(model);
    }
    const Sample sample = firstPoints(loadDataset(data).samples.front(), points);
    if (!dump.empty()) writeNpy(dump, sample);
    auto m = builtinModels().create(model);
    EvaluationOptions batched;
    batched.device = parseDevice(device);
    batched.batch = 0;
    EvaluationOptions single = batched;
    single.batch = 1;
    const Evaluator many(*m, sample, batched), one(*m, sample, single);
    Rng rng(1);
    std::vector<GroupElement> g;
    const auto e3 = makeGroup("E3");
    for (int64_t i = 0; i < elements; ++i) g.push_back(e3->sample(rng, many.context()));

    double mean = 0;
    const auto tBatched =
        bench::timeRuns(static_cast<int>(repeats), [&] { mean = many.errors(g, "E3").meanError; });
    const auto tSingle = bench::timeRuns(static_cast<int>(repeats), [&] { one.errors(g, "E3"); });
    std::printf("check: model %s, %lld points, %lld E3 elements, float32 on %s, %d threads\n",
                model.c_str(), static_cast<long long>(sample.nodeCount()),
                static_cast<long long>(elements), device.c_str(), at::get_num_threads());
    bench::printRow("batched (1 forward)", tBatched);
    bench::printRow("single (K forwards)", tSingle);
    std::printf("ratio single / batched (medians): %.2fx   (mean error %.3g)\n",
                bench::median(tSingle) / bench::median(tBatched), mean);
    std::printf("BATCHED_MEDIAN_SECONDS %.9f\n", bench::median(tBatched));
    return 0;
}
