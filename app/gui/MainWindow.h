#pragma once
// The main window: viewport in the centre, data and inspector docks, colour controls,
// File menu with recent files, drag and drop, a status bar with progress and cancel.

#include "data/Sample.h"

#include <QMainWindow>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace equiscope::views {
class DataPanel;
class InspectorPanel;
class PointCloudLayer;
class VtkViewport;
} // namespace equiscope::views

namespace equiscope::gui {

class DatasetLoader;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void open(const QString& pathOrDemo);
    bool exportPng(const QString& path); // writes through a temporary file

    views::VtkViewport* viewport() const { return viewport_; }
    views::PointCloudLayer* layer() const { return layer_.get(); }
    views::DataPanel* dataPanel() const { return dataPanel_; }
    views::InspectorPanel* inspector() const { return inspector_; }
    QComboBox* colorCombo() const { return colorCombo_; }
    QComboBox* colormapCombo() const { return colormapCombo_; }
    const Dataset* dataset() const { return dataset_.get(); }
    void pickAt(QPointF widgetPosition); // as a click in the viewport does

  Q_SIGNALS:
    // After a dataset is shown (or a load failed / was cancelled).
    void datasetShown();
    void loadFailed(const QString& message);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildActions();
    void buildDocks();
    void showDataset(std::shared_ptr<const Dataset> dataset);
    void applyColorChoice(int index);
    void rememberRecent(const QString& path);
    void refreshRecentMenu();
    void setBusy(bool busy);

    views::VtkViewport* viewport_ = nullptr;
    std::unique_ptr<views::PointCloudLayer> layer_;
    views::DataPanel* dataPanel_ = nullptr;
    views::InspectorPanel* inspector_ = nullptr;
    DatasetLoader* loader_ = nullptr;
    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const Sample> sample_;
    QComboBox* colorCombo_ = nullptr;
    QComboBox* colormapCombo_ = nullptr;
    QDoubleSpinBox* pointSize_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QLabel* statusText_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QToolButton* cancel_ = nullptr;
};

} // namespace equiscope::gui
