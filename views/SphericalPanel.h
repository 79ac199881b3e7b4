#pragma once
// The Spherical functions view's controls and pictures: two input signals (a single Y_l^m,
// a random band-limited function, a sharp peak), the product's degree, radius = |value|;
// the equivariance error under the Transform dock's rotation; tabs with the 2D Fourier
// magnitudes of the inputs and the product, the path mask, and the Gaunt-vs-CG timing chart
// with its Run / Stop. The spheres themselves are drawn by SphereLayer.

#include "harmonics/SphericalSignal.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace equiscope::views {

class FourierImage;
class PathMask;
class TimingChart;

struct SignalChoice {
    enum class Kind { Harmonic, Random, Peak };
    Kind kind = Kind::Harmonic;
    int l = 2, m = 0; // the degree (the band limit for Random and Peak), the order
    int seed = 1;     // Random
};
SphericalSignal makeSignal(const SignalChoice& choice);
QString signalLabel(const SignalChoice& choice); // "Y_2^1", "random, L = 4", "peak, L = 8"

class SphericalPanel : public QWidget {
    Q_OBJECT
  public:
    enum Tab { FourierTab = 0, PathsTab, TimingTab };
    explicit SphericalPanel(QWidget* parent = nullptr);

    SignalChoice signal(int which) const; // 0: first input, 1: second
    void setSignal(int which, const SignalChoice& choice);
    int productDegree() const;       // l1 + l2 when "exact" is checked
    void setProductDegree(int lmax); // unchecks "exact"
    bool radiusByValue() const;

    // Shows the (rotated) inputs' and the product's Fourier grids and the path mask for
    // their degrees.
    void showResult(const SphericalSignal& a, const SphericalSignal& b,
                    const SphericalSignal& product);
    // The line under the inputs: the rotation and its equivariance error, or what failed.
    void setNote(const QString& note);
    QString note() const;
    void showTab(Tab tab);
    // The timing run's controls: the top degree and the channels of the benchmark.
    int timingTopDegree() const;
    int timingChannels() const;
    void setTimingWorkload(int topDegree, int channels);
    void setTimingRunning(bool running);

    FourierImage* fourier(int which) const { return fourier_[which]; }
    PathMask* pathMask() const { return paths_; }
    TimingChart* timing() const { return timing_; }

  Q_SIGNALS:
    void changed();
    void timingRequested();
    void timingStopRequested();

  private:
    QWidget* buildInputs();
    QWidget* buildSignalRow(int which);
    QWidget* buildPathsTab();
    QWidget* buildTimingTab();
    void updateEnabled();

    struct SignalControls {
        QComboBox* kind = nullptr;
        QSpinBox *l = nullptr, *m = nullptr, *seed = nullptr;
    } controls_[2];
    QSpinBox* productDegree_ = nullptr;
    QCheckBox* exactProduct_ = nullptr;
    QCheckBox* radius_ = nullptr;
    QLabel* note_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    FourierImage* fourier_[3] = {};
    PathMask* paths_ = nullptr;
    QSpinBox* pathDegree_ = nullptr;
    QLabel* pathCounts_ = nullptr;
    TimingChart* timing_ = nullptr;
    QSpinBox *timingTop_ = nullptr, *timingChannels_ = nullptr;
    QPushButton *run_ = nullptr, *stop_ = nullptr;
    bool updating_ = false;
};

} // namespace equiscope::views
