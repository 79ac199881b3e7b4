// `check` with K elements in one batched forward against K single forwards and against
// `--batch auto` (memory-aware: a few per forward), same model,
// data and elements, in the same run; medians and the ratio. With --save-model it also
// writes the TorchScript model it used, for the Python loop (python_equivariance_loop.py).
//
//   bench_check [--model FILE.pt|NAME] [--scripted point|egnn_fc] [--data FILE|demo]
//               [--points N] [--elements K] [--repeats R] [--device cpu|cuda]
//               [--save-model OUT.pt] [--dump-points OUT.npy]
// Without --model it writes and uses a TorchScript model: `point` (a small per-point MLP,
// the default) or `egnn_fc` (a fully connected 4-layer EGNN).

#include "BenchSupport.h"
#include "BuiltinModels.h"
#include "groups/Group.h"
#include "io/LoadDataset.h"
#include "io/Writers.h"
#include "metrics/Equivariance.h"
#include "util/Runtime.h"

#include <ATen/Parallel.h>
#include <cstdio>
#include <numeric>
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

// The case of issue 14: a user's own fully connected EGNN (Satorras et al.) in TorchScript,
// 4 layers of 32 channels, messages over all N x N pairs, output the moved positions.
void saveEgnnModel(const std::string& path) {
    torch::jit::Module m("FullyConnectedEgnn");
    torch::manual_seed(0);
    constexpr int64_t kHidden = 32;
    m.register_parameter("embed", torch::randn({1, kHidden}) * 0.5, false);
    for (int l = 0; l < 4; ++l) {
        const std::string k = std::to_string(l);
        m.register_parameter("e1_" + k, torch::randn({2 * kHidden + 1, kHidden}) * 0.1, false);
        m.register_parameter("e2_" + k, torch::randn({kHidden, kHidden}) * 0.1, false);
        m.register_parameter("x_" + k, torch::randn({kHidden, 1}) * 0.01, false);
        m.register_parameter("h_" + k, torch::randn({2 * kHidden, kHidden}) * 0.1, false);
    }
    m.define(R"JIT(
def layer(self, x, h, e1, e2, wx, wh):
    n = x.size(1)
    d = x.unsqueeze(2) - x.unsqueeze(1)
    r = (d * d).sum(dim=3, keepdim=True)
    hi = h.unsqueeze(2).expand(-1, -1, n, -1)
    hj = h.unsqueeze(1).expand(-1, n, -1, -1)
    m = torch.cat([hi, hj, r], dim=3) @ e1
    m = m * torch.sigmoid(m)
    m = m @ e2
    m = m * torch.sigmoid(m)
    x = x + (d * (m @ wx)).mean(dim=2)
    h = h + torch.cat([h, m.sum(dim=2)], dim=2) @ wh
    return x, h

def forward(self, pos, feat):
    h = torch.ones_like(pos[:, :, :1]) @ self.embed
    x, h = self.layer(pos, h, self.e1_0, self.e2_0, self.x_0, self.h_0)
    x, h = self.layer(x, h, self.e1_1, self.e2_1, self.x_1, self.h_1)
    x, h = self.layer(x, h, self.e1_2, self.e2_2, self.x_2, self.h_2)
    x, h = self.layer(x, h, self.e1_3, self.e2_3, self.x_3, self.h_3)
    return x
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
    std::string model = "", scripted = "point", data = "demo", device = "cpu", save, dump;
    int64_t points = 2000, elements = 64, repeats = 7;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--model")
            model = v;
        else if (k == "--scripted")
            scripted = v;
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
        if (scripted == "egnn_fc")
            saveEgnnModel(model);
        else
            saveBenchModel(model);
    }
    const Sample sample = firstPoints(loadDataset(data).samples.front(), points);
    if (!dump.empty()) writeNpy(dump, sample);
    auto m = builtinModels().create(model);
    EvaluationOptions batched;
    batched.device = parseDevice(device);
    batched.batch = 0;
    EvaluationOptions single = batched, automatic = batched;
    single.batch = 1;
    automatic.batch = kBatchAuto;
    const Evaluator many(*m, sample, batched), one(*m, sample, single),
        chosen(*m, sample, automatic);
    Rng rng(1);
    std::vector<GroupElement> g;
    const auto e3 = makeGroup("E3");
    for (int64_t i = 0; i < elements; ++i) g.push_back(e3->sample(rng, many.context()));

    double mean = 0;
    const double sys0 = bench::systemSeconds();
    const auto tBatched =
        bench::timeRuns(static_cast<int>(repeats), [&] { mean = many.errors(g, "E3").meanError; });
    const double sys1 = bench::systemSeconds();
    const auto tSingle = bench::timeRuns(static_cast<int>(repeats), [&] { one.errors(g, "E3"); });
    const double sys2 = bench::systemSeconds();
    const auto tAuto = bench::timeRuns(static_cast<int>(repeats), [&] { chosen.errors(g, "E3"); });
    const auto total = [](const std::vector<double>& t) {
        return std::accumulate(t.begin(), t.end(), 0.0);
    };
    std::printf("check: model %s, %lld points, %lld E3 elements, float32 on %s, %d threads\n",
                model.c_str(), static_cast<long long>(sample.nodeCount()),
                static_cast<long long>(elements), device.c_str(), at::get_num_threads());
    bench::printRow("batched (1 forward)", tBatched);
    bench::printRow("single (K forwards)", tSingle);
    bench::printRow("--batch auto", tAuto);
    std::printf("batch %s\n", chosen.batchChoice().c_str());
    // The kernel's share: page faults of freshly mapped buffers show up here.
    std::printf("system time: batched %.2f s, single %.2f s (%.0f %% and %.0f %% of their wall "
                "time, warm-up included)\n",
                sys1 - sys0, sys2 - sys1,
                100 * (sys1 - sys0) / (total(tBatched) * (repeats + 1) / repeats),
                100 * (sys2 - sys1) / (total(tSingle) * (repeats + 1) / repeats));
    std::printf("BATCHED_SYSTEM_FRACTION %.4f\n",
                (sys1 - sys0) / (total(tBatched) * (repeats + 1) / repeats));
    std::printf("ratio single / batched (medians): %.2fx   (mean error %.3g)\n",
                bench::median(tSingle) / bench::median(tBatched), mean);
    std::printf("ratio single / auto: %.2fx, one forward / auto: %.2fx (medians)\n",
                bench::median(tSingle) / bench::median(tAuto),
                bench::median(tBatched) / bench::median(tAuto));
    std::printf("BATCHED_MEDIAN_SECONDS %.9f\n", bench::median(tBatched));
    std::printf("AUTO_MEDIAN_SECONDS %.9f\n", bench::median(tAuto));
    return 0;
}
