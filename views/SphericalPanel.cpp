#include "SphericalPanel.h"

#include "FourierImage.h"
#include "PathMask.h"
#include "TimingChart.h"
#include "harmonics/FourierBasis.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace equiscope::views {

SphericalSignal makeSignal(const SignalChoice& c) {
    switch (c.kind) {
    case SignalChoice::Kind::Random:
        return randomBandLimited(c.l, static_cast<uint64_t>(c.seed));
    case SignalChoice::Kind::Peak:
        return sharpPeak(c.l, Eigen::Vector3d(0, 0, 1));
    case SignalChoice::Kind::Harmonic:
        break;
    }
    return singleHarmonic(c.l, c.m);
}

QString signalLabel(const SignalChoice& c) {
    switch (c.kind) {
    case SignalChoice::Kind::Random:
        return QObject::tr("random, L = %1").arg(c.l);
    case SignalChoice::Kind::Peak:
        return QObject::tr("peak at +z, L = %1").arg(c.l);
    case SignalChoice::Kind::Harmonic:
        break;
    }
    return QStringLiteral("Y_%1^%2").arg(c.l).arg(c.m);
}

SphericalPanel::SphericalPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildInputs(), 0);
    tabs_ = new QTabWidget(this);
    auto* fourierPage = new QWidget(tabs_);
    auto* fourierColumn = new QVBoxLayout(fourierPage);
    fourierColumn->addWidget(new QLabel(
        tr("Magnitudes on the 2D Fourier basis: t the θ-frequency (rows), v the φ-frequency "
           "(columns); Y_l^m lives on the columns v = ±m."),
        fourierPage));
    fourierColumn->itemAt(0)->widget()->setProperty("wordWrap", true);
    auto* fourierRow = new QHBoxLayout;
    fourierColumn->addLayout(fourierRow, 1);
    for (auto*& image : fourier_) {
        image = new FourierImage(fourierPage);
        fourierRow->addWidget(image);
    }
    tabs_->addTab(fourierPage, tr("Fourier grids |F[t, v]|"));
    tabs_->addTab(buildPathsTab(), tr("Path mask"));
    tabs_->addTab(buildTimingTab(), tr("Timing: Gaunt vs CG"));
    layout->addWidget(tabs_, 1);
    setSignal(0, {SignalChoice::Kind::Harmonic, 2, 1, 1});
    setSignal(1, {SignalChoice::Kind::Harmonic, 3, -2, 2});
    updateEnabled();
}

QWidget* SphericalPanel::buildInputs() {
    auto* box = new QWidget(this);
    box->setMaximumWidth(300);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("First"), buildSignalRow(0));
    form->addRow(tr("Second"), buildSignalRow(1));
    auto* degreeRow = new QWidget(box);
    auto* degreeLayout = new QHBoxLayout(degreeRow);
    degreeLayout->setContentsMargins(0, 0, 0, 0);
    productDegree_ = new QSpinBox(degreeRow);
    productDegree_->setRange(0, 2 * kMaxSignalDegree);
    exactProduct_ = new QCheckBox(tr("exact (l1 + l2)"), degreeRow);
    exactProduct_->setChecked(true);
    degreeLayout->addWidget(productDegree_);
    degreeLayout->addWidget(exactProduct_);
    form->addRow(tr("Product up to L"), degreeRow);
    radius_ = new QCheckBox(tr("radius = |value|"), box);
    form->addRow(QString(), radius_);
    note_ = new QLabel(box);
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(note_);
    connect(productDegree_, qOverload<int>(&QSpinBox::valueChanged), this, [this] {
        if (!updating_) Q_EMIT changed();
    });
    connect(exactProduct_, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(radius_, &QCheckBox::toggled, this, &SphericalPanel::changed);
    return box;
}

QWidget* SphericalPanel::buildSignalRow(int which) {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    SignalControls& c = controls_[which];
    c.kind = new QComboBox(row);
    c.kind->addItems({tr("Y_l^m"), tr("random"), tr("peak")});
    c.kind->setToolTip(tr("A single harmonic, a random band-limited function (seed), or a "
                          "band-limited peak at +z"));
    c.l = new QSpinBox(row);
    c.l->setRange(0, kMaxSignalDegree);
    c.l->setPrefix(tr("l "));
    c.m = new QSpinBox(row);
    c.m->setPrefix(tr("m "));
    c.seed = new QSpinBox(row);
    c.seed->setRange(1, 9999);
    c.seed->setPrefix(tr("seed "));
    for (QWidget* w : {static_cast<QWidget*>(c.kind), static_cast<QWidget*>(c.l),
                       static_cast<QWidget*>(c.m), static_cast<QWidget*>(c.seed)})
        layout->addWidget(w);
    const auto edited = [this] {
        if (updating_) return;
        updateEnabled();
        Q_EMIT changed();
    };
    connect(c.kind, qOverload<int>(&QComboBox::currentIndexChanged), this, edited);
    for (QSpinBox* s : {c.l, c.m, c.seed})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, edited);
    return row;
}

QWidget* SphericalPanel::buildPathsTab() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    pathDegree_ = new QSpinBox(page);
    pathDegree_->setRange(0, 2 * kMaxSignalDegree);
    pathDegree_->setValue(1);
    top->addWidget(new QLabel(tr("Output degree l3"), page));
    top->addWidget(pathDegree_);
    pathCounts_ = new QLabel(page);
    pathCounts_->setWordWrap(true);
    top->addWidget(pathCounts_, 1);
    layout->addLayout(top);
    paths_ = new PathMask(page);
    layout->addWidget(paths_, 1);
    connect(pathDegree_, qOverload<int>(&QSpinBox::valueChanged), paths_,
            &PathMask::setOutputDegree);
    return page;
}

QWidget* SphericalPanel::buildTimingTab() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* controls = new QHBoxLayout;
    timingTop_ = new QSpinBox(page);
    timingTop_->setRange(1, kMaxSignalDegree);
    timingTop_->setValue(8);
    timingTop_->setPrefix(tr("L = 1.."));
    timingChannels_ = new QSpinBox(page);
    timingChannels_->setRange(1, 1024);
    timingChannels_->setValue(32);
    timingChannels_->setSuffix(tr(" channels"));
    run_ = new QPushButton(tr("Run"), page);
    stop_ = new QPushButton(tr("Stop"), page);
    stop_->setEnabled(false);
    for (QWidget* w : {static_cast<QWidget*>(timingTop_), static_cast<QWidget*>(timingChannels_),
                       static_cast<QWidget*>(run_), static_cast<QWidget*>(stop_)})
        controls->addWidget(w);
    controls->addStretch(1);
    layout->addLayout(controls);
    timing_ = new TimingChart(page);
    layout->addWidget(timing_, 1);
    connect(run_, &QPushButton::clicked, this, &SphericalPanel::timingRequested);
    connect(stop_, &QPushButton::clicked, this, &SphericalPanel::timingStopRequested);
    return page;
}

void SphericalPanel::updateEnabled() {
    updating_ = true;
    for (SignalControls& c : controls_) {
        const auto kind = static_cast<SignalChoice::Kind>(c.kind->currentIndex());
        c.m->setRange(-c.l->value(), c.l->value());
        c.m->setVisible(kind == SignalChoice::Kind::Harmonic);
        c.seed->setVisible(kind == SignalChoice::Kind::Random);
    }
    productDegree_->setEnabled(!exactProduct_->isChecked());
    if (exactProduct_->isChecked())
        productDegree_->setValue(controls_[0].l->value() + controls_[1].l->value());
    updating_ = false;
}

SignalChoice SphericalPanel::signal(int which) const {
    const SignalControls& c = controls_[which];
    return {static_cast<SignalChoice::Kind>(c.kind->currentIndex()), c.l->value(), c.m->value(),
            c.seed->value()};
}

void SphericalPanel::setSignal(int which, const SignalChoice& choice) {
    updating_ = true;
    SignalControls& c = controls_[which];
    c.kind->setCurrentIndex(static_cast<int>(choice.kind));
    c.l->setValue(choice.l);
    c.m->setRange(-choice.l, choice.l);
    c.m->setValue(choice.m);
    c.seed->setValue(choice.seed);
    updating_ = false;
    updateEnabled();
    Q_EMIT changed();
}

int SphericalPanel::productDegree() const {
    return productDegree_->value();
}

void SphericalPanel::setProductDegree(int lmax) {
    exactProduct_->setChecked(false);
    productDegree_->setValue(lmax);
}

bool SphericalPanel::radiusByValue() const {
    return radius_->isChecked();
}

void SphericalPanel::showResult(const SphericalSignal& a, const SphericalSignal& b,
                                const SphericalSignal& product) {
    fourier_[0]->setGrid(tr("first"), shToFourier(a.coefficients, a.lmax));
    fourier_[1]->setGrid(tr("second"), shToFourier(b.coefficients, b.lmax));
    fourier_[2]->setGrid(tr("Gaunt product"), shToFourier(product.coefficients, product.lmax));
    const auto used = [](const SphericalSignal& s) {
        std::vector<bool> u;
        for (double n : degreeNorms(s)) u.push_back(n > 1e-12);
        return u;
    };
    paths_->setDegrees(a.lmax, b.lmax, used(a), used(b));
    const PathMask::Counts counts = PathMask::count(a.lmax, b.lmax, product.lmax);
    pathCounts_->setText(tr("Up to l3 = %1: CG has %2 paths, Gaunt %3; Gaunt lacks the %4 "
                            "with l1 + l2 + l3 odd.")
                             .arg(product.lmax)
                             .arg(counts.cg)
                             .arg(counts.gaunt)
                             .arg(counts.cg - counts.gaunt));
}

void SphericalPanel::setNote(const QString& note) {
    note_->setText(note);
}

QString SphericalPanel::note() const {
    return note_->text();
}

void SphericalPanel::showTab(Tab tab) {
    tabs_->setCurrentIndex(tab);
}

int SphericalPanel::timingTopDegree() const {
    return timingTop_->value();
}

int SphericalPanel::timingChannels() const {
    return timingChannels_->value();
}

void SphericalPanel::setTimingWorkload(int topDegree, int channels) {
    timingTop_->setValue(topDegree);
    timingChannels_->setValue(channels);
}

void SphericalPanel::setTimingRunning(bool running) {
    run_->setEnabled(!running);
    stop_->setEnabled(running);
}

} // namespace equiscope::views
