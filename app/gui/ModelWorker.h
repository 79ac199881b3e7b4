#pragma once
// Runs every model computation of the GUI on one worker thread, one job at a time (a model
// is not re-entrant): live evaluations of the current element, coalesced so that only the
// latest request waits and results older than the latest request are dropped, and queued
// analyses (sweep, profile, Lie derivative). The GUI thread never waits on a model.

#include "metrics/Equivariance.h"

#include <QFutureWatcher>
#include <QObject>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace equiscope::gui {

struct LiveResult {
    uint64_t sequence = 0;
    GroupElement element;
    TwoPaths paths;                // rows in the order of g.x
    std::vector<double> nodeError; // per original node
    double meanError = 0, maxError = 0, seconds = 0;
};

class ModelWorker : public QObject {
    Q_OBJECT
  public:
    // Runs on the worker; returns what the GUI thread then runs with the result.
    using Analysis = std::function<std::function<void()>(const Evaluator&, const Progress&)>;

    explicit ModelWorker(QObject* parent = nullptr);
    ~ModelWorker() override;

    // Replaces model and data; the evaluator (and f(x)) is rebuilt by the next job.
    void setModel(std::shared_ptr<Model> model, std::shared_ptr<const Sample> sample,
                  EvaluationOptions options);
    bool hasModel() const { return model_ != nullptr; }
    const EvaluationOptions& options() const { return options_; }

    uint64_t requestLive(const GroupElement& element); // returns the request's sequence number
    void runAnalysis(const QString& name, Analysis analysis);
    void cancelAnalysis() { cancel_.cancel(); }
    bool busy() const { return watcher_.isRunning(); }
    uint64_t latestRequest() const { return latest_; }

  Q_SIGNALS:
    void liveReady(const equiscope::gui::LiveResult& result);
    void failed(const QString& message);
    void analysisProgress(double fraction, const QString& message);
    void analysisFinished(const QString& name);
    void busyChanged(bool busy);

  private:
    struct Outcome {
        std::optional<LiveResult> live;
        std::function<void()> deliver; // an analysis' result
        QString analysis, error;
    };
    void pump();
    void finished();

    std::shared_ptr<Model> model_;
    std::shared_ptr<const Sample> sample_;
    EvaluationOptions options_;
    // The evaluator of the current model, built and used on the worker only; a new model
    // gets a new slot, so a job still running for the old one never touches the new one.
    std::shared_ptr<std::shared_ptr<Evaluator>> evaluator_ =
        std::make_shared<std::shared_ptr<Evaluator>>();
    std::optional<std::pair<uint64_t, GroupElement>> pendingLive_;
    std::deque<std::pair<QString, Analysis>> analyses_;
    uint64_t latest_ = 0;
    CancelToken cancel_;
    QFutureWatcher<Outcome> watcher_;
};

} // namespace equiscope::gui

Q_DECLARE_METATYPE(equiscope::gui::LiveResult)
