#pragma once
// The main window: viewport in the centre; Data, Model, Transform, Evaluation, Inspector,
// Welcome and Charts docks; colour controls; File menu with recent files and sessions;
// drag and drop; a status bar with progress and cancel; autosave.

#include "Session.h"
#include "data/Sample.h"

#include <QMainWindow>
#include <QTimer>
#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace equiscope::views {
class ChartsPanel;
class TimelinePanel;
class TrailLayer;
class DataPanel;
class EvaluationPanel;
class InspectorPanel;
class ModelPanel;
class PartsPanel;
class PointCloudLayer;
class TransformPanel;
class VtkViewport;
} // namespace equiscope::views

namespace equiscope::gui {

class DatasetLoader;
class Exploration;
class PartsExplorer;
class TrainingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void open(const QString& pathOrDemo);
    bool exportPng(const QString& path); // writes through a temporary file

    views::VtkViewport* viewport() const { return viewport_; }
    std::shared_ptr<const Sample> sample() const { return sample_; }
    views::PointCloudLayer* layer() const { return layer_.get(); }
    views::TimelinePanel* timeline() const { return timeline_; }
    views::TrailLayer* trails() const { return trails_.get(); }
    views::DataPanel* dataPanel() const { return dataPanel_; }
    views::InspectorPanel* inspector() const { return inspector_; }
    views::ModelPanel* modelPanel() const { return modelPanel_; }
    views::TransformPanel* transformPanel() const { return transformPanel_; }
    views::EvaluationPanel* evaluationPanel() const { return evaluationPanel_; }
    views::ChartsPanel* charts() const { return charts_; }
    TrainingPanel* training() const { return training_; }
    Exploration* exploration() const { return exploration_; }
    views::PartsPanel* partsPanel() const { return partsPanel_; }
    QDockWidget* partsDock() const { return partsDock_; }
    PartsExplorer* parts() const { return parts_; }
    QComboBox* colorCombo() const { return colorCombo_; }
    QComboBox* colormapCombo() const { return colormapCombo_; }
    QAction* objectModeAction() const { return objectMode_; }
    const Dataset* dataset() const { return dataset_.get(); }
    void pickAt(QPointF widgetPosition); // as a click in the viewport does

    // The model from the Model dock (asks for a TorchScript file's missing spec).
    void applyModelFromPanel();
    // Returns the error message, empty on success.
    QString applyModel(const QString& nameOrFile, const ModelOptions& options, DeviceKind device);

    SessionState session() const;
    // Opens the session's data, then restores model, transforms, view and camera.
    void restoreSession(const SessionState& state);
    static QString autosavePath();
    void applyPreset(int index);

  Q_SIGNALS:
    // After a dataset is shown (or a load failed / was cancelled).
    void datasetShown();
    void loadFailed(const QString& message);
    void sessionRestored();

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildActions();
    void buildDocks();
    QWidget* buildWelcome();
    void showDataset(std::shared_ptr<const Dataset> dataset);
    // Sample `sample` of the dataset at `frame` (the timeline's request).
    void showFrame(int sample, int frame);
    void applyColorChoice(int index);
    void rememberRecent(const QString& path);
    void refreshRecentMenu();
    void setBusy(bool busy);
    void finishRestore();
    void saveSessionAs();
    void openSessionFile();

    views::VtkViewport* viewport_ = nullptr;
    std::unique_ptr<views::PointCloudLayer> layer_;
    std::unique_ptr<views::TrailLayer> trails_;
    views::DataPanel* dataPanel_ = nullptr;
    views::InspectorPanel* inspector_ = nullptr;
    views::ModelPanel* modelPanel_ = nullptr;
    views::TransformPanel* transformPanel_ = nullptr;
    views::EvaluationPanel* evaluationPanel_ = nullptr;
    views::ChartsPanel* charts_ = nullptr;
    views::TimelinePanel* timeline_ = nullptr;
    views::PartsPanel* partsPanel_ = nullptr;
    QDockWidget* partsDock_ = nullptr;
    PartsExplorer* parts_ = nullptr;
    QDockWidget* timelineDock_ = nullptr;
    int shownSample_ = 0;
    Exploration* exploration_ = nullptr;
    TrainingPanel* training_ = nullptr;
    DatasetLoader* loader_ = nullptr;
    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const Sample> sample_;
    QComboBox* colorCombo_ = nullptr;
    QComboBox* colormapCombo_ = nullptr;
    QDoubleSpinBox* pointSize_ = nullptr;
    QAction* objectMode_ = nullptr;
    QAction* twoPaths_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QLabel* statusText_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancel_ = nullptr;
    QTimer autosave_;
    std::unique_ptr<SessionState> pendingRestore_;
};

} // namespace equiscope::gui
