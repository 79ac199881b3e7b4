#include "ModelWorker.h"

#include "data/Subsample.h"
#include "util/Runtime.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>
#include <algorithm>
#include <chrono>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace equiscope::gui {

ModelWorker::ModelWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<equiscope::gui::LiveResult>("equiscope::gui::LiveResult");
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ModelWorker::finished);
    pool_.setMaxThreadCount(1);
    pool_.setExpiryTimeout(-1); // the same thread (and OpenMP team) for every job
}

ModelWorker::~ModelWorker() {
    cancel_.cancel();
    watcher_.waitForFinished();
}

namespace {
constexpr uint64_t kPreviewSeed = 0x5eed; // the same subsample for every drag of a sample

// Lowers the calling thread's priority once (and so that of the OpenMP threads it starts
// later): on a machine with few cores, the model then takes the CPU the GUI thread and the
// software renderer leave, instead of making them wait (measured: a drag drew at half the
// frame rate). Linux sets nice values per thread.
void yieldToTheGui() {
#ifdef __linux__
    thread_local bool lowered = false;
    if (lowered) return;
    lowered = true;
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
}

} // namespace

struct ModelWorker::Preview {
    std::vector<int64_t> nodes;
    Sample sample;
    std::unique_ptr<Evaluator> evaluator;
};

void ModelWorker::setModel(std::shared_ptr<Model> model, std::shared_ptr<const Sample> sample,
                           EvaluationOptions options) {
    // The running job keeps its own copies; results of the old model are dropped by sequence.
    model_ = std::move(model);
    sample_ = std::move(sample);
    options_ = std::move(options);
    evaluator_ = std::make_shared<std::shared_ptr<Evaluator>>();
    preview_ = std::make_shared<std::shared_ptr<Preview>>();
    previewNodes_ = 0;
    ++generation_;
    pendingLive_.reset();
    analyses_.clear();
    ++latest_;
}

void ModelWorker::setPreviewNodes(int64_t count) {
    if (count == previewNodes_) return;
    previewNodes_ = count;
    preview_ = std::make_shared<std::shared_ptr<Preview>>();
}

uint64_t ModelWorker::requestLive(const GroupElement& element, bool preview) {
    // A permutation of all N nodes has no meaning on a subsample.
    const bool canPreview = preview && previewNodes_ > 0 && element.permutation.empty() &&
                            sample_ && previewNodes_ < sample_->nodeCount();
    pendingLive_ = LiveRequest{++latest_, element, canPreview};
    pump();
    return latest_;
}

void ModelWorker::runAnalysis(const QString& name, Analysis analysis) {
    analyses_.emplace_back(name, std::move(analysis));
    pump();
}

LiveResult ModelWorker::evaluateLive(const Model& model, const Evaluator& evaluator,
                                     const LiveRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    LiveResult r;
    r.sequence = request.sequence;
    r.element = request.element;
    r.paths = evaluator.twoPaths(r.element);
    NodeErrors errors = nodeErrors(r.paths, r.element, model.spec().perNode);
    r.nodeError = std::move(errors.perNode);
    r.meanError = errors.mean;
    r.maxError = errors.max;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

void ModelWorker::pump() {
    // Not watcher_.isRunning(): between a job's end and its finished() a new job would
    // replace the future, and the result would be lost.
    if (jobRunning_ || !model_) return;
    const bool live = pendingLive_.has_value();
    if (!live && analyses_.empty()) return;
    std::optional<LiveRequest> request;
    std::pair<QString, Analysis> analysis;
    if (live) { // a live request first: it is what the user is looking at
        request = pendingLive_;
        pendingLive_.reset();
    } else {
        analysis = std::move(analyses_.front());
        analyses_.pop_front();
        cancel_.reset();
    }
    auto model = model_;
    auto sample = sample_;
    auto options = options_;
    EvaluatorSlot evaluator = evaluator_;
    PreviewSlot preview = preview_;
    const int64_t previewNodes = previewNodes_;
    const uint64_t generation = generation_;
    QPointer<ModelWorker> self(this);
    const CancelToken* cancel = &cancel_;
    jobRunning_ = true;
    Q_EMIT busyChanged(true);
    watcher_.setFuture(QtConcurrent::run(&pool_, [=]() -> Outcome {
        yieldToTheGui();
        Outcome out;
        out.generation = generation;
        try {
            model->setFloat64(options.float64); // an analysis may have switched it
            if (request && request->preview) {
                const ScopedTorchThreads leaveACore(configuredThreads() - 1);
                if (!*preview) {
                    auto p = std::make_shared<Preview>();
                    p->nodes = seededSubset(sample->nodeCount(), previewNodes, kPreviewSeed);
                    p->sample = restrictToNodes(*sample, p->nodes);
                    p->evaluator = std::make_unique<Evaluator>(*model, p->sample, options);
                    *preview = std::move(p);
                }
                out.live = evaluateLive(*model, *(*preview)->evaluator, *request);
                out.live->nodes = (*preview)->nodes;
                return out;
            }
            if (!*evaluator) *evaluator = std::make_shared<Evaluator>(*model, *sample, options);
            const Evaluator& e = **evaluator;
            if (request) {
                out.live = evaluateLive(*model, e, *request);
            } else {
                out.analysis = analysis.first;
                Progress progress(
                    [self](double f, const std::string& message) {
                        const QString text = QString::fromStdString(message);
                        QMetaObject::invokeMethod(
                            self.data(),
                            [self, f, text] {
                                if (self) Q_EMIT self->analysisProgress(f, text);
                            },
                            Qt::QueuedConnection);
                    },
                    cancel);
                out.deliver = analysis.second(e, progress);
            }
        } catch (const Cancelled&) {
            out.error = QStringLiteral("cancelled");
        } catch (const std::exception& ex) {
            out.error = QString::fromStdString(ex.what());
        }
        return out;
    }));
}

void ModelWorker::finished() {
    Outcome out = watcher_.result();
    jobRunning_ = false;
    Q_EMIT busyChanged(false);
    if (!out.error.isEmpty()) {
        Q_EMIT failed(out.error);
    } else if (out.live) {
        // Stale: a newer element (or another model) was requested while this one ran.
        // A drag's previews are shown even when the next one is already asked for, or the
        // view would wait for the drag to stop; full results only when they are the latest.
        const bool current = out.live->sequence == latest_;
        if (current || (out.live->preview() && out.generation == generation_))
            Q_EMIT liveReady(*out.live);
    } else if (out.deliver) {
        out.deliver();
        Q_EMIT analysisFinished(out.analysis);
    }
    pump();
}

} // namespace equiscope::gui
