// Latency from a transform change to updated colours, as the GUI sees it: a request to the
// model worker, the live evaluation on the worker thread, and the new per-node errors
// written into the point layer's colours. Median and p95 over repeated changes.
//
//   bench_live_latency [--points N=10000] [--changes K=30]

#include "BenchData.h"
#include "BenchSupport.h"
#include "BuiltinModels.h"
#include "LiveBench.h"
#include "ModelWorker.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "VtkViewport.h"
#include "groups/Group.h"
#include "io/LoadDataset.h"
#include "util/Runtime.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <algorithm>
#include <cstdio>

using namespace equiscope;

namespace {

void measure(const char* label, const std::string& model, const ModelOptions& options,
             std::shared_ptr<const Sample> sample, int changes) {
    gui::ModelWorker worker;
    worker.setModel(builtinModels().create(model, options), sample, {});
    views::VtkViewport viewport; // never shown: the colours are computed, not drawn
    views::PointCloudLayer layer(&viewport);
    layer.setSample(sample);
    views::ColorQuantity error;
    error.name = QStringLiteral("equivariance error");
    const auto so3 = makeGroup("SO3");
    Rng rng(3);
    std::vector<double> ms;
    for (int i = -2; i < changes; ++i) { // two warm-up changes (the first builds f(x))
        QEventLoop loop;
        QElapsedTimer clock;
        QObject::connect(&worker, &gui::ModelWorker::liveReady, &loop,
                         [&](const gui::LiveResult& r) {
                             error.values = r.nodeError;
                             layer.quantities()->put(error);
                             layer.quantities()->show(error.name);
                             loop.quit();
                         });
        clock.start();
        worker.requestLive(so3->sample(rng, {sample->nodeCount(), 1.0}));
        loop.exec();
        if (i >= 0) ms.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    std::printf("%-34s %lld nodes: median %8.1f ms   p95 %8.1f ms   (%d changes)\n", label,
                static_cast<long long>(sample->nodeCount()), bench::median(ms),
                bench::percentile(ms, 0.95), changes);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const bench::LiveBenchOptions o = bench::parseLiveBenchOptions(argc, argv);
    std::printf("threads: %d\n", configureRuntime());
    const auto sample = bench::firstDemoPoints(o.points);
    for (const auto& m : bench::liveBenchModels())
        measure(m.label, m.name, m.options, sample, o.changes);
    return 0;
}
