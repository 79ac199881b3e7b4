#include "ModelWorker.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>
#include <algorithm>
#include <chrono>

namespace equiscope::gui {

ModelWorker::ModelWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<equiscope::gui::LiveResult>("equiscope::gui::LiveResult");
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ModelWorker::finished);
}

ModelWorker::~ModelWorker() {
    cancel_.cancel();
    watcher_.waitForFinished();
}

void ModelWorker::setModel(std::shared_ptr<Model> model, std::shared_ptr<const Sample> sample,
                           EvaluationOptions options) {
    // The running job keeps its own copies; results of the old model are dropped by sequence.
    model_ = std::move(model);
    sample_ = std::move(sample);
    options_ = std::move(options);
    evaluator_ = std::make_shared<std::shared_ptr<Evaluator>>();
    pendingLive_.reset();
    analyses_.clear();
    ++latest_;
}

uint64_t ModelWorker::requestLive(const GroupElement& element) {
    pendingLive_ = std::make_pair(++latest_, element);
    pump();
    return latest_;
}

void ModelWorker::runAnalysis(const QString& name, Analysis analysis) {
    analyses_.emplace_back(name, std::move(analysis));
    pump();
}

void ModelWorker::pump() {
    if (watcher_.isRunning() || !model_) return;
    const bool live = pendingLive_.has_value();
    if (!live && analyses_.empty()) return;
    std::optional<std::pair<uint64_t, GroupElement>> request;
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
    auto evaluator = evaluator_;
    QPointer<ModelWorker> self(this);
    const CancelToken* cancel = &cancel_;
    Q_EMIT busyChanged(true);
    watcher_.setFuture(QtConcurrent::run([=]() -> Outcome {
        Outcome out;
        try {
            if (!*evaluator) *evaluator = std::make_shared<Evaluator>(*model, *sample, options);
            model->setFloat64(options.float64); // an analysis may have switched it
            const Evaluator& e = **evaluator;
            if (request) {
                const auto start = std::chrono::steady_clock::now();
                LiveResult r;
                r.sequence = request->first;
                r.element = request->second;
                r.paths = e.twoPaths(r.element);
                NodeErrors errors = nodeErrors(r.paths, r.element, model->spec().perNode);
                r.nodeError = std::move(errors.perNode);
                r.meanError = errors.mean;
                r.maxError = errors.max;
                r.seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                out.live = std::move(r);
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
    Q_EMIT busyChanged(false);
    if (!out.error.isEmpty()) {
        Q_EMIT failed(out.error);
    } else if (out.live) {
        // Stale: a newer element (or another model) was requested while this one ran.
        if (out.live->sequence == latest_) Q_EMIT liveReady(*out.live);
    } else if (out.deliver) {
        out.deliver();
        Q_EMIT analysisFinished(out.analysis);
    }
    pump();
}

} // namespace equiscope::gui
