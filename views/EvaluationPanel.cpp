#include "EvaluationPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace equiscope::views {

EvaluationPanel::EvaluationPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    numbers_ = new QLabel(tr("Pick a model and press Apply to see the equivariance error."), this);
    numbers_->setTextFormat(Qt::RichText);
    numbers_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    numbers_->setWordWrap(true);
    layout->addWidget(numbers_);
    matrix_ = new QLabel(this); // one line per row, never wrapped: the whole matrix shows
    matrix_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    matrix_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    matrix_->setToolTip(tr("The element g: its linear part A and translation t, g·x = A x + t"));
    layout->addWidget(matrix_);
    auto* scale = new QHBoxLayout;
    log_ = new QCheckBox(tr("log scale"), this);
    full_ = new QCheckBox(tr("full range"), this);
    full_->setToolTip(tr("Spread the colormap over every error, round-off included"));
    lock_ = new QCheckBox(tr("lock range"), this);
    lo_ = new QDoubleSpinBox(this);
    hi_ = new QDoubleSpinBox(this);
    for (auto* s : {lo_, hi_}) {
        s->setDecimals(8);
        s->setMinimumWidth(60);
        s->setRange(0, 1e6);
        s->setEnabled(false);
    }
    hi_->setValue(0.1);
    scale->addWidget(log_);
    scale->addWidget(full_);
    scale->addStretch(1);
    layout->addLayout(scale);
    auto* range = new QHBoxLayout; // a row of its own: the dock stays narrow
    range->addWidget(lock_);
    range->addWidget(lo_, 1);
    range->addWidget(hi_, 1);
    layout->addLayout(range);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setText(tr(
        "Colours show each node's equivariance error e_i(g) = |f(g·x)_i − g·f(x)_i| / mean_j "
        "|f(x)_j|: "
        "0 where the model commutes with the transform, larger where it does not. Points are drawn "
        "at g·x."));
    layout->addWidget(caption_);
    roundOff_ = new QLabel(this);
    roundOff_->setWordWrap(true);
    layout->addWidget(roundOff_);
    layout->addStretch(1);
    connect(log_, &QCheckBox::toggled, this, &EvaluationPanel::scaleChanged);
    connect(full_, &QCheckBox::toggled, this, &EvaluationPanel::scaleChanged);
    connect(lock_, &QCheckBox::toggled, this, [this](bool on) {
        lo_->setEnabled(on);
        hi_->setEnabled(on);
        Q_EMIT scaleChanged();
    });
    for (auto* s : {lo_, hi_})
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &EvaluationPanel::scaleChanged);
}

void EvaluationPanel::showResult(double mean, double max, double seconds, const GroupElement& g,
                                 const QString& note) {
    QStringList rows;
    for (int r = 0; r < 3; ++r)
        rows << QStringLiteral("[%1 %2 %3 | %4]")
                    .arg(g.linear(r, 0), 8, 'f', 4)
                    .arg(g.linear(r, 1), 8, 'f', 4)
                    .arg(g.linear(r, 2), 8, 'f', 4)
                    .arg(g.translation(r), 8, 'f', 4);
    matrix_->setText(rows.join('\n'));
    numbers_->setText(
        tr("<b>mean error</b> %1 &nbsp; <b>max</b> %2<br><b>evaluated in</b> %3 ms%4%5")
            .arg(mean, 0, 'e', 3)
            .arg(max, 0, 'e', 3)
            .arg(seconds * 1e3, 0, 'f', 1)
            .arg(note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(note.toHtmlEscaped()))
            .arg(g.permutation.empty()
                     ? QString()
                     : tr("<br>plus a permutation of %1 nodes").arg(g.permutation.size())));
}

void EvaluationPanel::showMessage(const QString& message) {
    numbers_->setText(message.toHtmlEscaped());
}
QString EvaluationPanel::text() const {
    return numbers_->text();
}
void EvaluationPanel::showRoundOff(int64_t exact, int64_t nodes, double tolerance,
                                   const QString& dtype) {
    if (exact < 0) return roundOff_->clear();
    roundOff_->setText(
        full_->isChecked()
            ? tr("Full range: round-off (errors under %1 in %2) is spread over the colormap.")
                  .arg(tolerance, 0, 'g', 2)
                  .arg(dtype)
            : tr("<b>%1 of %2 nodes exact to round-off</b> (error under %3, the %4 tolerance), "
                 "drawn in one colour; the colormap spans the rest.")
                  .arg(exact)
                  .arg(nodes)
                  .arg(tolerance, 0, 'g', 2)
                  .arg(dtype));
}
QSize EvaluationPanel::minimumSizeHint() const {
    const QSize base = QWidget::minimumSizeHint();
    const int width = std::max(this->width(), base.width()); // before the first layout: narrow
    return {base.width(), std::max(base.height(), layout()->totalHeightForWidth(width))};
}

void EvaluationPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateGeometry(); // the wrapped captions' height follows the width
}

QString EvaluationPanel::caption() const {
    return roundOff_->text();
}
bool EvaluationPanel::fullRange() const {
    return full_->isChecked();
}
void EvaluationPanel::setFullRange(bool on) {
    full_->setChecked(on);
}
bool EvaluationPanel::logScale() const {
    return log_->isChecked();
}
void EvaluationPanel::setLogScale(bool on) {
    log_->setChecked(on);
}
void EvaluationPanel::setLockedRange(bool locked, double lo, double hi) {
    lo_->setValue(lo);
    hi_->setValue(hi);
    lock_->setChecked(locked);
    Q_EMIT scaleChanged();
}
bool EvaluationPanel::rangeLocked() const {
    return lock_->isChecked();
}
std::pair<double, double> EvaluationPanel::lockedRange() const {
    return {lo_->value(), hi_->value()};
}

} // namespace equiscope::views
