#pragma once
// The main window: viewport in the centre; Data, Model, Transform, Evaluation, Inspector,
// Parts, Welcome, Charts, Training, Spherical functions and Timeline docks; the colour controls;
// File and View menus; drag and drop; a status bar with progress and cancel. Sessions and autosave
// live in SessionController, the docks' layout in MainWindowDocks.cpp, menus and toolbar in
// MainWindowActions.cpp.

#include "data/Sample.h"
#include "models/Model.h"

#include <QMainWindow>
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
class DatasetPanel;
class EvaluationPanel;
class InspectorPanel;
class ModelPanel;
class PartsPanel;
class PointCloudLayer;
class QuantityCombo;
class SphericalPanel;
class TransformPanel;
class VtkViewport;
} // namespace equiscope::views

namespace equiscope::gui {

class DatasetExplorer;
class DatasetLoader;
class Exploration;
class PartsExplorer;
class SessionController;
class SphericalExplorer;
class TrainingController;
class AugmentController;

// File ▸ Open's filter, from every registered reader: "All supported data (*.ply …);;
// PLY (*.ply);;…;;All files (*)".
QString openDataFilter();
// Help ▸ About: the versions of EquiScope, Qt, VTK and LibTorch.
QString aboutText();

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
    TrainingController* training() const { return training_; }
    AugmentController* augmentTraining() const { return augment_; }
    // Shows the Training tab's method: 0 PER, 1 augment.
    void showTrainingMethod(int method);
    Exploration* exploration() const { return exploration_; }
    views::PartsPanel* partsPanel() const { return partsPanel_; }
    QDockWidget* partsDock() const { return partsDock_; }
    QDockWidget* chartsDock() const { return chartsDock_; }
    QDockWidget* transformDock() const { return transformDock_; }
    PartsExplorer* parts() const { return parts_; }
    views::SphericalPanel* sphericalPanel() const { return sphericalPanel_; }
    QDockWidget* sphericalDock() const { return sphericalDock_; }
    SphericalExplorer* spherical() const { return spherical_; }
    views::DatasetPanel* datasetPanel() const { return datasetPanel_; }
    QDockWidget* datasetDock() const { return datasetDock_; }
    DatasetExplorer* datasets() const { return datasets_; }
    // File ▸ Open Scan Results…: a scan's results in the Dataset dock, which opens.
    bool openScanResults(const QString& path);
    // Opens the Spherical functions view (its spheres replace the data in the viewport).
    void showSphericalView();
    SessionController* sessions() const { return sessions_; }
    QComboBox* colorCombo() const;
    QComboBox* colormapCombo() const { return colormapCombo_; }
    QDoubleSpinBox* pointSizeBox() const { return pointSize_; }
    QAction* objectModeAction() const { return objectMode_; }
    QAction* twoPathsAction() const { return twoPaths_; }
    const Dataset* dataset() const { return dataset_.get(); }
    void pickAt(QPointF widgetPosition); // as a click in the viewport does
    void setStatus(const QString& text);

    // The model from the Model dock (asks for a TorchScript file's missing spec).
    void applyModelFromPanel();
    // Loads the model off the GUI thread; Exploration's modelLoaded or modelFailed follows.
    void applyModel(const QString& nameOrFile, const ModelOptions& options, DeviceKind device);
    void applyPreset(int index);
    // The docks as they were built, and a size that fits the screen.
    void resetLayout();

  Q_SIGNALS:
    // After a dataset is shown (or a load failed / was cancelled).
    void datasetShown();
    void loadFailed(const QString& message);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildStatusBar();
    void buildActions();
    void buildToolBar(QAction* open, QAction* resetCamera, QAction* exportPng);
    void buildDocks();
    QWidget* buildWelcome();
    QWidget* buildTraining();
    void connectWorker();
    void connectLoader();
    void connectModels();
    void modelFailed(const QString& nameOrFile, const QString& error);
    void showExploredPerModel();
    void restoreWindowState();
    void saveWindowState() const;
    void showDataset(std::shared_ptr<const Dataset> dataset);
    // Sample `sample` of the dataset at `frame` (the timeline's request).
    void showFrame(int sample, int frame);
    void fitDataCamera();
    void rememberRecent(const QString& path);
    void refreshRecentMenu();
    void setBusy(bool busy);

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
    QDockWidget* chartsDock_ = nullptr;
    QDockWidget* transformDock_ = nullptr;
    QDockWidget* timelineDock_ = nullptr;
    views::SphericalPanel* sphericalPanel_ = nullptr;
    QDockWidget* sphericalDock_ = nullptr;
    views::DatasetPanel* datasetPanel_ = nullptr;
    QDockWidget* datasetDock_ = nullptr;
    DatasetExplorer* datasets_ = nullptr;
    SphericalExplorer* spherical_ = nullptr;
    PartsExplorer* parts_ = nullptr;
    int shownSample_ = 0;
    bool askModelSpec_ = false; // the Model dock's load: a TorchScript file without a spec asks
    Exploration* exploration_ = nullptr;
    TrainingController* training_ = nullptr;
    AugmentController* augment_ = nullptr;
    QComboBox* trainingMethod_ = nullptr;
    DatasetLoader* loader_ = nullptr;
    SessionController* sessions_ = nullptr;
    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const Sample> sample_;
    views::QuantityCombo* colorCombo_ = nullptr;
    QComboBox* colormapCombo_ = nullptr;
    QDoubleSpinBox* pointSize_ = nullptr;
    QAction* objectMode_ = nullptr;
    QAction* twoPaths_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QLabel* statusText_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancel_ = nullptr;
    QByteArray defaultDockState_; // as built, for View > Reset Layout
};

} // namespace equiscope::gui
