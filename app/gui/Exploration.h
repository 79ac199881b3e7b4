#pragma once
// The exploration loop: a model and the data, a transform from the panel (or the mouse in
// object mode), live evaluation on the worker, and everything that shows its result:
// error colours, the two-path glyphs, the numbers, the inspector, the charts.

#include "ColorQuantity.h"
#include "ModelLoader.h"
#include "ModelWorker.h"

#include <QObject>
#include <QPointF>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>

namespace equiscope::views {
class ChartsPanel;
class EvaluationPanel;
class InspectorPanel;
class ModelPanel;
class PointCloudLayer;
class TransformPanel;
class TwoPathLayer;
class PermutationLayer;
class VtkViewport;
} // namespace equiscope::views

namespace equiscope::gui {

struct ExplorationViews {
    views::VtkViewport* viewport;
    views::PointCloudLayer* points;
    views::ModelPanel* modelPanel;
    views::TransformPanel* transformPanel;
    views::EvaluationPanel* evaluationPanel;
    views::ChartsPanel* charts;
    views::InspectorPanel* inspector;
};

class Exploration : public QObject {
    Q_OBJECT
  public:
    Exploration(const ExplorationViews& views, QObject* parent = nullptr);
    ~Exploration() override;

    void setSample(std::shared_ptr<const Sample> sample);
    // Makes the model off the GUI thread, then uses it (modelLoaded) or reports modelFailed
    // and keeps the previous model. Options output/per/feature_dim answer a TorchScript
    // file's missing spec.
    void applyModel(const QString& nameOrFile, const ModelOptions& options, DeviceKind device);
    bool loadingModel() const { return loader_->loading(); }
    void clearModel();
    // An already made model (e.g. one just trained), under `name` and its options.
    void useModel(std::shared_ptr<Model> model, const QString& name, const ModelOptions& options,
                  DeviceKind device);
    // Fields for the model's feat input (empty: the spec's default rule); used from the next
    // applyModel.
    void setFeatures(const std::vector<std::string>& features) { features_ = features; }
    const std::vector<std::string>& features() const { return features_; }
    const Model* model() const { return model_.get(); }
    std::shared_ptr<const Sample> sample() const { return sample_; }
    QString modelName() const { return modelName_; }
    ModelOptions modelOptions() const { return modelOptions_; }
    DeviceKind device() const { return device_; }
    const LiveResult* lastResult() const { return last_ ? &*last_ : nullptr; }
    ModelWorker* worker() const { return worker_; }
    views::TwoPathLayer* twoPaths() const { return twoPaths_.get(); }
    views::PermutationLayer* permutation() const { return permutation_.get(); }
    const std::map<std::string, double>& verdicts() const { return verdicts_; }

    // Part mode (issue 7): only the `moving` nodes follow the transform and, instead of the
    // uniform live evaluation, partMoved() is emitted. Empty: the whole sample moves.
    void setMovingNodes(std::vector<bool> moving);
    bool partMode() const { return !moving_.empty(); }

    void inspect(int64_t node);
    void animate(); // identity -> current transform over two seconds
    bool animating() const { return animation_.isActive(); }
    // Registers the per-node error quantity anew (after a result, or when the log scale,
    // range lock or round-off floor changed).
    void refreshColors();
    static QString errorColourName();

  public Q_SLOTS:
    void checkClaims();
    void runSweep();
    void runProfile();
    void runLie();
    void onObjectDrag(QPointF from, QPointF to, Qt::KeyboardModifiers modifiers);

  Q_SIGNALS:
    void evaluated(); // a live result is shown
    void analysisDone(const QString& name);
    void chartAnalysisStarted(); // a sweep, profile or Lie derivative: the Charts dock opens
    void message(const QString& text);
    void partMoved(); // part mode: the transform changed
    void modelChanged();
    void modelLoaded(const QString& nameOrFile); // applyModel succeeded
    void modelFailed(const QString& nameOrFile, const QString& error);
    void previewed(); // a drag preview on a subsample is shown
    void sampleChanged();

  private:
    void transformChanged();
    void restartWorker(); // the current model and sample, with the device and features chosen
    void showLive(const LiveResult& result);
    void showPreview(const LiveResult& result);
    // After a full result: previews for drags when the model is slower than a frame.
    void choosePreviewSize(double seconds);
    double currentSweepParameter() const;
    views::ColorQuantity errorQuantity() const;

    ExplorationViews v_;
    ModelWorker* worker_;
    ModelLoader* loader_;
    std::unique_ptr<views::TwoPathLayer> twoPaths_;
    std::unique_ptr<views::PermutationLayer> permutation_;
    std::shared_ptr<Model> model_;
    std::shared_ptr<const Sample> sample_;
    QString modelName_;
    ModelOptions modelOptions_;
    DeviceKind device_ = DeviceKind::Cpu;
    std::optional<LiveResult> last_; // the last full evaluation
    std::vector<double> shownError_; // per node as drawn: the last full result, then previews
    QTimer settle_;                  // a drag paused: the full evaluation
    std::map<std::string, double> verdicts_;
    int64_t inspected_ = -1;
    std::vector<bool> moving_; // part mode: which nodes follow the transform
    std::vector<std::string> features_;
    QTimer animation_;
    std::vector<double> animationTarget_;
    int animationStep_ = 0;
};

} // namespace equiscope::gui
