#pragma once
// The Training tab's widget: a run's settings; live charts of the loss and of the strength
// λ per group (the adjustment epoch marked); after the run, the learned levels beside the
// true function's equivariance error per group, as bars and as a table. It runs nothing:
// app/gui's TrainingController trains and feeds it.

#include <QStringList>
#include <QWidget>
#include <vector>

class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace equiscope::views {

struct TrainingSettings {
    QString task, model, variant, device;
    double epsilon = 0.3;
    int epochs = 0;
    int seed = 0;
};

// What the live charts need to know before the first epoch.
struct TrainingChartSetup {
    QStringList groups;
    int epochs = 0;
    int adjustEpoch = 0;
    double initialLambda = 1;
    QString model; // "per" learns levels; the others are baselines
};

struct LevelRow {
    QString group;
    double level = 0, normalizedLevel = 0, regularizer = 0, modelError = 0, trueError = 0;
};

class TrainingPanel : public QWidget {
    Q_OBJECT
  public:
    TrainingPanel(const QStringList& tasks, const QStringList& models, QWidget* parent = nullptr);

    TrainingSettings settings() const;
    void setSettings(const TrainingSettings& settings);
    // The current task's variants (the first is the default) and default epoch count.
    void setVariants(const QStringList& variants, int defaultEpochs);

    void beginRun(const TrainingChartSetup& setup); // fresh charts; Start off, Stop/Pause on
    void addEpoch(int epoch, double trainLoss, double validationMse,
                  const std::vector<double>& lambdas);
    void endRun(bool hasResult); // Start on; Explore when there is a result
    void showLevels(const std::vector<LevelRow>& rows);
    void showPaused(bool paused);
    void setStatus(const QString& text);
    QString statusText() const;

    QTableWidget* levelsTable() const { return table_; }
    QChartView* levelsChart() const { return levelsView_; }
    int plottedEpochs() const;

  Q_SIGNALS:
    void taskChanged(const QString& task);
    void startRequested();
    void stopRequested();
    void pauseToggled(bool paused);
    void exploreRequested(); // "explore this model": make the trained model current

  private:
    QWidget* buildControls(const QStringList& tasks, const QStringList& models);
    QWidget* buildResults();
    void showLevelBars(const std::vector<LevelRow>& rows);

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
};

} // namespace equiscope::views
