#include "TimelinePanel.h"

#include "ErrorStrip.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace equiscope::views {

namespace {

constexpr int kMinTickMs = 16; // about 60 redraws per second at most

} // namespace

TimelinePanel::TimelinePanel(QWidget* parent) : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    sampleLabel_ = new QLabel(tr("Sample"), this);
    sample_ = new QSpinBox(this);
    sample_->setToolTip(tr("Which graph or simulation of the dataset to show"));
    back_ = new QToolButton(this);
    back_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    back_->setToolTip(tr("Previous frame"));
    playButton_ = new QToolButton(this);
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    playButton_->setToolTip(tr("Play / pause"));
    forward_ = new QToolButton(this);
    forward_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    forward_->setToolTip(tr("Next frame"));
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setToolTip(tr("Scrub through the frames"));
    speed_ = new QComboBox(this);
    for (const char* s : {"0.25×", "0.5×", "1×", "2×", "4×"}) speed_->addItem(QString::fromUtf8(s));
    speed_->setCurrentIndex(2);
    speed_->setToolTip(tr("Playback speed relative to the recording"));
    loop_ = new QCheckBox(tr("Loop"), this);
    loop_->setChecked(true);
    label_ = new QLabel(this);
    label_->setMinimumWidth(170);
    for (QWidget* w :
         std::initializer_list<QWidget*>{sampleLabel_, sample_, back_, playButton_, forward_})
        row->addWidget(w);
    // The scrubber with a scan's per-frame error under it, and the strip's legend under the
    // frame label.
    auto* scrubber = new QVBoxLayout;
    scrubber->setSpacing(1);
    scrubber->addWidget(slider_);
    strip_ = new ErrorStrip(this);
    scrubber->addWidget(strip_);
    row->addLayout(scrubber, 1);
    auto* labels = new QVBoxLayout;
    labels->setSpacing(1);
    labels->addWidget(label_);
    stripLegend_ = new QLabel(this);
    stripLegend_->setStyleSheet("color: gray; font-size: small");
    stripLegend_->hide();
    labels->addWidget(stripLegend_);
    row->addLayout(labels);
    row->addWidget(speed_);
    row->addWidget(loop_);
    timer_ = new QTimer(this);
    connect(timer_, &QTimer::timeout, this, &TimelinePanel::tick);
    connect(playButton_, &QToolButton::clicked, this, [this] { playing() ? pause() : play(); });
    connect(back_, &QToolButton::clicked, this, [this] { step(-1); });
    connect(forward_, &QToolButton::clicked, this, [this] { step(1); });
    connect(slider_, &QSlider::valueChanged, this, [this](int) {
        updateLabel();
        Q_EMIT frameRequested(sample(), frame());
    });
    connect(sample_, &QSpinBox::valueChanged, this,
            [this](int) { Q_EMIT frameRequested(sample(), frame()); });
    connect(speed_, &QComboBox::currentIndexChanged, this, [this] {
        if (playing()) play(); // new interval
    });
    setRange(1, 1, frameSeconds_);
}

void TimelinePanel::setRange(int samples, int frames, double frameSeconds) {
    pause();
    frameSeconds_ = frameSeconds > 0 ? frameSeconds : 1.0 / 30;
    {
        const QSignalBlocker a(slider_), b(sample_);
        slider_->setRange(0, std::max(frames, 1) - 1);
        slider_->setValue(0);
        sample_->setRange(0, std::max(samples, 1) - 1);
        sample_->setValue(0);
    }
    const bool timeline = frames > 1;
    for (QWidget* w : std::initializer_list<QWidget*>{back_, playButton_, forward_, slider_, speed_,
                                                      loop_, label_})
        w->setVisible(timeline);
    sample_->setVisible(samples > 1);
    sampleLabel_->setVisible(samples > 1);
    sample_->setSuffix(tr(" of %1").arg(samples));
    updateLabel();
}

void TimelinePanel::setFrameErrors(std::vector<double> errors, const QString& what) {
    const int inset = style()->pixelMetric(QStyle::PM_SliderLength, nullptr, slider_) / 2;
    strip_->setValues(std::move(errors), inset);
    stripLegend_->setVisible(!strip_->values().empty());
    stripLegend_->setText(tr("%1: %2 (dark) to %3 (yellow), log")
                              .arg(what)
                              .arg(std::pow(10.0, strip_->logLow()), 0, 'e', 1)
                              .arg(std::pow(10.0, strip_->logHigh()), 0, 'e', 1));
    strip_->setToolTip(
        tr("%1 of each frame, from the Dataset dock's scan; grey: not scanned").arg(what));
}

int TimelinePanel::sample() const {
    return sample_->value();
}

int TimelinePanel::frame() const {
    return slider_->value();
}

bool TimelinePanel::playing() const {
    return timer_->isActive();
}

void TimelinePanel::setFrame(int f) {
    slider_->setValue(f);
}

void TimelinePanel::setSample(int s) {
    sample_->setValue(s);
}

void TimelinePanel::play() {
    static const double speeds[] = {0.25, 0.5, 1, 2, 4};
    const double seconds = frameSeconds_ / speeds[speed_->currentIndex()];
    timer_->start(std::max(kMinTickMs, static_cast<int>(std::lround(seconds * 1000))));
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
}

void TimelinePanel::pause() {
    timer_->stop();
    playButton_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void TimelinePanel::step(int frames) {
    const int last = slider_->maximum();
    int next = frame() + frames;
    if (next > last) next = loop_->isChecked() ? next % (last + 1) : last;
    if (next < 0) next = loop_->isChecked() ? last : 0;
    slider_->setValue(next);
}

// Faster than the redraw limit: skip frames so the recording's speed holds.
void TimelinePanel::tick() {
    static const double speeds[] = {0.25, 0.5, 1, 2, 4};
    const double perTick = timer_->interval() / 1000.0 * speeds[speed_->currentIndex()];
    const int advance = std::max(1, static_cast<int>(std::lround(perTick / frameSeconds_)));
    if (!loop_->isChecked() && frame() + advance > slider_->maximum()) {
        slider_->setValue(slider_->maximum());
        pause();
        return;
    }
    step(advance);
}

void TimelinePanel::updateLabel() {
    label_->setText(tr("frame %1 / %2  (%3 s)")
                        .arg(frame() + 1)
                        .arg(slider_->maximum() + 1)
                        .arg(frame() * frameSeconds_, 0, 'f', 2));
}

} // namespace equiscope::views
