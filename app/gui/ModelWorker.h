#pragma once
// Runs every model computation of the GUI on one worker thread, one job at a time (a model
// is not re-entrant): live evaluations of the current element, coalesced so that only the
// latest request waits and results older than the latest request are dropped, and queued
// analyses (sweep, profile, Lie derivative). The GUI thread never waits on a model.
// A live request may ask for a preview: the model on a seeded subsample of the nodes (the
// subsample is a smaller cloud, so neighbourhoods change and the errors are approximate),
// which keeps up with a drag when the whole sample takes longer than a frame.

#include "metrics/Equivariance.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace equiscope::gui {

struct LiveResult {
    uint64_t sequence = 0;
    GroupElement element;
    TwoPaths paths;                // rows in the order of g.x
    std::vector<double> nodeError; // per evaluated node: all nodes, or `nodes` of a preview
    std::vector<int64_t> nodes;    // a preview's original nodes, increasing; empty: all nodes
    double meanError = 0, maxError = 0, seconds = 0;
    bool preview() const { return !nodes.empty(); }
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

    // Returns the request's sequence number. A preview needs setPreviewNodes(> 0) and an
    // element without a permutation; otherwise the whole sample is evaluated.
    uint64_t requestLive(const GroupElement& element, bool preview = false);
    // How many nodes a preview evaluates (0: none); the subsample is drawn with a fixed seed.
    void setPreviewNodes(int64_t count);
    int64_t previewNodes() const { return previewNodes_; }
    void runAnalysis(const QString& name, Analysis analysis);
    void cancelAnalysis() { cancel_.cancel(); }
    bool busy() const { return jobRunning_; }
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
        uint64_t generation = 0; // of the model and sample it ran on
    };
    struct LiveRequest {
        uint64_t sequence = 0;
        GroupElement element;
        bool preview = false;
    };
    struct Preview; // the subsample, its evaluator and its nodes; built on the worker
    using EvaluatorSlot = std::shared_ptr<std::shared_ptr<Evaluator>>;
    using PreviewSlot = std::shared_ptr<std::shared_ptr<Preview>>;
    void pump();
    void finished();
    static LiveResult evaluateLive(const Model& model, const Evaluator& evaluator,
                                   const LiveRequest& request);

    std::shared_ptr<Model> model_;
    std::shared_ptr<const Sample> sample_;
    EvaluationOptions options_;
    // The evaluator of the current model, built and used on the worker only; a new model
    // gets a new slot, so a job still running for the old one never touches the new one.
    EvaluatorSlot evaluator_ = std::make_shared<std::shared_ptr<Evaluator>>();
    PreviewSlot preview_ = std::make_shared<std::shared_ptr<Preview>>();
    int64_t previewNodes_ = 0;
    std::optional<LiveRequest> pendingLive_;
    std::deque<std::pair<QString, Analysis>> analyses_;
    uint64_t latest_ = 0;
    uint64_t generation_ = 0; // setModel's count
    bool jobRunning_ = false; // from a job's start to its finished()
    CancelToken cancel_;
    QThreadPool pool_; // one thread, niced: the GUI and the renderer come first
    QFutureWatcher<Outcome> watcher_;
};

} // namespace equiscope::gui

Q_DECLARE_METATYPE(equiscope::gui::LiveResult)
