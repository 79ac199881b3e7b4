// bench_live_latency's twin without Qt or VTK (core + plugins only), so that the same
// figure can be taken on a GPU machine: one Evaluator per sample (f(x) once, as the app's
// model worker keeps it), then per transform change the two paths of one SO(3) element
// and its per-node errors, as the worker computes them for the colours. Median and p95
// over repeated changes, with the distance graphs reused (the app's default) and, as the
// baseline of the same run, rebuilt for every change.
//
//   bench_live_core [--points N=10000] [--changes K=30] [--device cpu|cuda]

#include "BenchData.h"
#include "BenchSupport.h"
#include "BuiltinModels.h"
#include "LiveBench.h"
#include "groups/Group.h"
#include "metrics/Equivariance.h"
#include "util/Runtime.h"

#include <cstdio>
#include <string>

using namespace equiscope;

namespace {

struct Latency {
    double median = 0, p95 = 0;
};

Latency measure(Model& model, const Sample& sample, EvaluationOptions options, int changes) {
    const Evaluator evaluator(model, sample, options);
    const auto so3 = makeGroup("SO3");
    Rng rng(3);
    const SampleContext context = evaluator.context();
    std::vector<double> ms = bench::timeRuns(changes, [&] {
        const GroupElement g = so3->sample(rng, context);
        nodeErrors(evaluator.twoPaths(g), g, model.spec().perNode);
    });
    for (double& s : ms) s *= 1e3;
    return {bench::median(ms), bench::percentile(ms, 0.95)};
}

void row(const char* label, const std::string& name, const ModelOptions& options,
         const Sample& sample, DeviceKind device, int changes) {
    auto model = builtinModels().create(name, options);
    EvaluationOptions o;
    o.device = device;
    const Latency reused = measure(*model, sample, o, changes);
    o.reuseGraphs = false;
    const Latency rebuilt = measure(*model, sample, o, changes);
    std::printf("%-26s %6lld nodes %-4s  reused graph: median %8.1f ms p95 %8.1f ms   rebuilt: "
                "median %8.1f ms p95 %8.1f ms   (x%.2f, %d changes)\n",
                label, static_cast<long long>(sample.nodeCount()), deviceName(device).c_str(),
                reused.median, reused.p95, rebuilt.median, rebuilt.p95,
                rebuilt.median / reused.median, changes);
}

} // namespace

int main(int argc, char** argv) {
    const bench::LiveBenchOptions o = bench::parseLiveBenchOptions(argc, argv);
    const DeviceKind device = parseDevice(o.device);
    std::printf("threads: %d\n", configureRuntime());
    const auto sample = bench::firstDemoPoints(o.points);
    for (const auto& m : bench::liveBenchModels())
        row(m.label, m.name, m.options, *sample, device, o.changes);
    return 0;
}
