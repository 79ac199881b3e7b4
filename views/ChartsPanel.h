#pragma once
// The charts dock (Qt Charts): error along a one-parameter subgroup (current element
// marked), the symmetry profile across groups, the Lie derivative per generator, and a
// histogram of per-node errors. Every chart exports as PNG and CSV.

#include "metrics/LieDerivative.h"
#include "metrics/Sweep.h"

#include <QStringList>
#include <QWidget>

class QChartView;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace equiscope::views {

class ChartsPanel : public QWidget {
    Q_OBJECT
  public:
    enum Chart { SweepChart = 0, ProfileChart, LieChart, HistogramChart };
    explicit ChartsPanel(QWidget* parent = nullptr);

    // `state` ("12 of 73 points…", "stopped: …") goes into the title while it runs.
    void setSweep(const SweepReport& report, double currentParameter, const QString& state = {});
    // `state` (e.g. "3 of 9 groups…") follows the title while the profile streams in.
    void setProfile(const std::vector<ErrorReport>& reports, const QString& state = {});
    // `state` (e.g. "2 of 6 generators…") follows the title while the bars stream in.
    void setLie(const std::vector<LieReport>& reports, const QString& group,
                const QString& state = {});
    void setHistogram(const std::vector<double>& nodeErrors);

    QString sweepAxis() const; // "x,y,z"
    int sweepSteps() const;
    void show(Chart chart);
    bool exportPng(Chart chart, const QString& path) const;
    bool exportCsv(Chart chart, const QString& path) const;
    const QStringList& csv(Chart chart) const { return csv_[chart]; }
    int seriesPoints(Chart chart) const; // for tests

  Q_SIGNALS:
    void sweepRequested();
    void profileRequested();
    void lieRequested();
    // A profile or Lie chart was redrawn (each partial result as it arrives, then the last).
    void barsChanged(views::ChartsPanel::Chart chart);

  private:
    void setBars(Chart which, const QString& title, const QString& series, const QString& xTitle,
                 const QString& yTitle, const QStringList& categories,
                 const std::vector<double>& values);

    QTabWidget* tabs_ = nullptr;
    QChartView* views_[4] = {};
    QStringList csv_[4];
    QLineEdit* axis_ = nullptr;
    QSpinBox* steps_ = nullptr;
};

} // namespace equiscope::views
