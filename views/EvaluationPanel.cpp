#include "EvaluationPanel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
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
    auto* scale = new QHBoxLayout;
    log_ = new QCheckBox(tr("log colour scale"), this);
    lock_ = new QCheckBox(tr("lock range"), this);
    lo_ = new QDoubleSpinBox(this);
    hi_ = new QDoubleSpinBox(this);
    for (auto* s : {lo_, hi_}) {
        s->setDecimals(8);
        s->setRange(0, 1e6);
        s->setEnabled(false);
    }
    hi_->setValue(0.1);
    scale->addWidget(log_);
    scale->addWidget(lock_);
    scale->addWidget(lo_);
    scale->addWidget(hi_);
    layout->addLayout(scale);
    caption_ = new QLabel(this);
    caption_->setWordWrap(true);
    caption_->setText(tr(
        "Colours show each node's equivariance error e_i(g) = |f(g·x)_i − g·f(x)_i| / mean_j "
        "|f(x)_j|: "
        "0 where the model commutes with the transform, larger where it does not. Points are drawn "
        "at g·x."));
    layout->addWidget(caption_);
    layout->addStretch(1);
    connect(log_, &QCheckBox::toggled, this, &EvaluationPanel::scaleChanged);
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
                                 bool stale) {
    QString matrix;
    for (int r = 0; r < 3; ++r)
        matrix += QStringLiteral("[%1 %2 %3 | %4]<br>")
                      .arg(g.linear(r, 0), 8, 'f', 4)
                      .arg(g.linear(r, 1), 8, 'f', 4)
                      .arg(g.linear(r, 2), 8, 'f', 4)
                      .arg(g.translation(r), 8, 'f', 4);
    numbers_->setText(
        tr("<b>mean error</b> %1 &nbsp; <b>max</b> %2<br><b>evaluated in</b> %3 "
           "ms%4<br><tt>%5</tt>%6")
            .arg(mean, 0, 'e', 3)
            .arg(max, 0, 'e', 3)
            .arg(seconds * 1e3, 0, 'f', 1)
            .arg(stale ? tr(" (updating…)") : QString())
            .arg(matrix)
            .arg(g.permutation.empty()
                     ? QString()
                     : tr("plus a permutation of %1 nodes").arg(g.permutation.size())));
}

void EvaluationPanel::showMessage(const QString& message) {
    numbers_->setText(message.toHtmlEscaped());
}
QString EvaluationPanel::text() const {
    return numbers_->text();
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
