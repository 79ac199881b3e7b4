#pragma once
// The timeline of a trajectory and the picker of a multi-sample dataset (the graphs of a TU
// dataset, the simulations of an NRI file): play, pause, step, speed, loop and a scrub
// slider over the frames; a spin box over the samples. Emits the (sample, frame) to show.

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QTimer;
class QToolButton;

namespace equiscope::views {

class ErrorStrip;

class TimelinePanel : public QWidget {
    Q_OBJECT
  public:
    explicit TimelinePanel(QWidget* parent = nullptr);

    // A dataset of `samples` samples, each of `frames` frames, `frameSeconds` apart.
    void setRange(int samples, int frames, double frameSeconds);
    int sample() const;
    int frame() const;
    bool playing() const;
    void setFrame(int frame);
    void setSample(int sample);
    void play();
    void pause();
    void step(int frames); // +1 / -1, wrapping only when looping
    // A value per frame of the shown sample (a scan's error; NaN: none) drawn as a strip
    // under the scrubber, `what` naming it in the legend; empty removes the strip.
    void setFrameErrors(std::vector<double> errors, const QString& what);
    const ErrorStrip* errorStrip() const { return strip_; }

  Q_SIGNALS:
    void frameRequested(int sample, int frame);

  private:
    void tick();
    void updateLabel();

    QToolButton* playButton_ = nullptr;
    QToolButton* back_ = nullptr;
    QToolButton* forward_ = nullptr;
    QSlider* slider_ = nullptr;
    QComboBox* speed_ = nullptr;
    QCheckBox* loop_ = nullptr;
    QLabel* label_ = nullptr;
    QSpinBox* sample_ = nullptr;
    QLabel* sampleLabel_ = nullptr;
    QTimer* timer_ = nullptr;
    ErrorStrip* strip_ = nullptr;
    QLabel* stripLegend_ = nullptr;
    double frameSeconds_ = 1.0 / 30;
};

} // namespace equiscope::views
