#pragma once
// The Training tab's augment method (methods.md 7.1, issue 16): a classifier on the
// generated shapes trained with invariance-constrained augmentation. Live charts of the
// dual variable gamma per family (the learned invariance level), of the clean and augmented
// losses against epsilon with the samplers' acceptance rates, and of the latest epoch's
// sampled transformations (family x magnitude); after the run, the final levels as bars in
// the style of PER's. It runs nothing: app/gui's AugmentController trains and feeds it.

#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <vector>

class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QPushButton;
class QSpinBox;

namespace equiscope::views {

struct AugmentSettings {
    QString model, device, families; // families: "rotz,rot,reflect,scale,affine"
    double epsilon = 0.1;
    int epochs = 20;
    int dualStart = 10; // clean epochs before the constraints start
    int seed = 0;
};

// One epoch, per family in the order of the run's families.
struct AugmentEpoch {
    int epoch = 0;
    double cleanLoss = 0, validationAccuracy = 0;
    std::vector<double> gamma, acceptance, augmentedLoss;
    std::vector<std::vector<int64_t>> histograms; // [family][bin] over the family's range
};

// A family's magnitude range, for the histogram's legend.
struct FamilyRange {
    QString name, magnitude; // "reflect", "normal's angle to z (degrees)"
    QString range;           // "0–90°"
};

class AugmentPanel : public QWidget {
    Q_OBJECT
  public:
    AugmentPanel(const QStringList& models, QWidget* parent = nullptr);

    AugmentSettings settings() const;
    void setSettings(const AugmentSettings& settings);

    void beginRun(const std::vector<FamilyRange>& families, int epochs, double epsilon);
    void addEpoch(const AugmentEpoch& epoch); // also redraws the histogram
    void endRun();
    void showLevels(const std::vector<double>& levels, const std::vector<double>& acceptance);
    void showPaused(bool paused);
    void setStatus(const QString& text);
    QString statusText() const;

    QChartView* gammaChart() const { return gammaView_; }
    QChartView* lossChart() const { return lossView_; }
    QChartView* histogramChart() const { return histogramView_; }
    QChartView* levelsChart() const { return levelsView_; }
    int plottedEpochs() const;

  Q_SIGNALS:
    void startRequested();
    void stopRequested();
    void pauseToggled(bool paused);

  private:
    QWidget* buildControls(const QStringList& models);
    void showHistogram(const AugmentEpoch& epoch);

    QComboBox* model_ = nullptr;
    QComboBox* device_ = nullptr;
    QLineEdit* families_ = nullptr;
    QDoubleSpinBox* epsilon_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QSpinBox* dualStart_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* pause_ = nullptr;
    QLabel* status_ = nullptr;
    QChartView* gammaView_ = nullptr;
    QChartView* lossView_ = nullptr;
    QChartView* histogramView_ = nullptr;
    QChartView* levelsView_ = nullptr;
    std::vector<FamilyRange> runFamilies_;
    std::vector<QLineSeries*> gamma_, augmented_;
    QLineSeries* clean_ = nullptr;
    double gammaTop_ = 0;
};

} // namespace equiscope::views
