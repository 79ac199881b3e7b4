#pragma once
// The Training dock: PER (or a baseline) on a synthetic task (methods.md section 1),
// trained on a worker thread that can be paused and stopped, with live charts of the loss
// and of the strength lambda_j per group (the adjustment epoch marked), then the learned
// levels beside the true function's equivariance error per group.

#include "soft_equivariance/PerTraining.h"

#include <QFutureWatcher>
#include <QWidget>
#include <memory>

class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace equiscope::gui {

class TrainingPanel : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    per::PerConfig config() const;
    void setConfig(const per::PerConfig& config);
    void start();
    void stop();
    void setPaused(bool paused);
    bool paused() const;
    bool running() const { return watcher_.isRunning(); }
    const per::PerResult* result() const { return result_.get(); }
    QTableWidget* levelsTable() const { return table_; }
    int plottedEpochs() const;
    QChartView* levelsChart() const { return levelsView_; }
    QString statusText() const;

  Q_SIGNALS:
    void finished(bool completed);
    void exploreRequested(); // "explore this model": make the trained model current

  private:
    void epochLogged(const per::EpochLog& log);
    void showResult();
    void showLevelBars(const per::PerResult& result);
    void fillVariants();

    QComboBox* task_ = nullptr;
    QComboBox* model_ = nullptr;
    QComboBox* device_ = nullptr;
    QComboBox* variant_ = nullptr;
    QDoubleSpinBox* epsilon_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* pause_ = nullptr;
    QPushButton* explore_ = nullptr;
    QLabel* status_ = nullptr;
    QChartView* lossView_ = nullptr;
    QChartView* lambdaView_ = nullptr;
    QChartView* levelsView_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLineSeries* trainLoss_ = nullptr;
    QLineSeries* validation_ = nullptr;
    std::vector<QLineSeries*> lambdas_;
    std::shared_ptr<CancelToken> cancel_;
    std::shared_ptr<std::string> failure_ = std::make_shared<std::string>();
    QFutureWatcher<std::shared_ptr<per::PerResult>> watcher_;
    std::shared_ptr<per::PerResult> result_;
    std::vector<std::string> groups_;
    per::PerConfig running_;
};

} // namespace equiscope::gui
