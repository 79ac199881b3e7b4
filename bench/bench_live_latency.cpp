// Latency from a transform change to updated colours, as the GUI sees it: a request to the
// model worker, the live evaluation on the worker thread, and the new per-node errors
// written into the point layer's colours. Median and p95 over repeated changes.
//
//   bench_live_latency [--points N=10000] [--changes K=30]

#include "BenchSupport.h"
#include "BuiltinModels.h"
#include "ModelWorker.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "VtkViewport.h"
#include "groups/Group.h"
#include "io/LoadDataset.h"
#include "scene/DemoScene.h"
#include "util/Runtime.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <algorithm>
#include <cstdio>

using namespace equiscope;

namespace {

std::shared_ptr<const Sample> firstPoints(int64_t n) {
    const Sample demo = makeDemoDataset().samples.front();
    Sample s;
    const Field& p = demo.positions();
    n = std::min(n, p.rows());
    s.setField(Field::perNode("pos", FieldType::Position, n, 3,
                              std::vector<double>(p.values.begin(), p.values.begin() + n * 3)));
    return std::make_shared<const Sample>(std::move(s));
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

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
                percentile(ms, 0.95), changes);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    int64_t points = 10000;
    int changes = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--points")
            points = std::atoll(argv[i + 1]);
        else if (k == "--changes")
            changes = std::atoi(argv[i + 1]);
    }
    std::printf("threads: %d\n", configureRuntime());
    const auto sample = firstPoints(points);
    measure("frame_averaging(pointnet)", "frame_averaging", {{"backbone", "pointnet"}}, sample,
            changes);
    measure("egnn (kNN, k=16)", "egnn", {}, sample, changes);
    measure("mlp (baseline)", "mlp", {}, sample, changes);
    return 0;
}
