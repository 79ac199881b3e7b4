#include "SphericalExplorer.h"

#include "PointCloudLayer.h"
#include "SphereLayer.h"
#include "SphericalPanel.h"
#include "TimingChart.h"
#include "TransformPanel.h"
#include "VtkViewport.h"
#include "groups/Decomposition.h"
#include "tensor_products/ProductTiming.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <QtConcurrent>
#include <torch/torch.h>
#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace equiscope::gui {

namespace {

// The orthogonal part of a linear map: itself when orthogonal, else the rotation of its polar
// decomposition (with the reflection kept when det < 0).
Eigen::Matrix3d orthogonalPart(const Eigen::Matrix3d& a, bool& exact) {
    exact = (a.transpose() * a).isIdentity(1e-9);
    if (exact) return a;
    const double sign = a.determinant() < 0 ? -1.0 : 1.0;
    return sign * polarDecomposition(sign * a).rotation;
}

QString describeRotation(const Eigen::Matrix3d& q, bool exact) {
    const bool reflection = q.determinant() < 0;
    const Eigen::Matrix3d r = reflection ? Eigen::Matrix3d(-q) : q;
    const double angle = std::acos(std::clamp((r.trace() - 1) / 2, -1.0, 1.0)) * 180 / M_PI;
    QString text = QObject::tr("rotation by %1°").arg(angle, 0, 'f', 1);
    if (reflection) text += QObject::tr(" with inversion");
    if (!exact) text += QObject::tr(" (the orthogonal part of the Transform)");
    return text;
}

} // namespace

SphericalExplorer::SphericalExplorer(views::SphericalPanel* panel, views::TransformPanel* transform,
                                     views::VtkViewport* viewport, views::PointCloudLayer* points,
                                     QObject* parent)
    : QObject(parent), panel_(panel), transform_(transform), viewport_(viewport), points_(points),
      spheres_(std::make_unique<views::SphereLayer>(viewport)) {
    connect(panel_, &views::SphericalPanel::changed, this, &SphericalExplorer::recompute);
    connect(transform_, &views::TransformPanel::changed, this, [this] {
        if (active_) recompute();
    });
    connect(panel_, &views::SphericalPanel::timingRequested, this, &SphericalExplorer::runTiming);
    connect(panel_, &views::SphericalPanel::timingStopRequested, this,
            &SphericalExplorer::stopTiming);
}

SphericalExplorer::~SphericalExplorer() {
    *stop_ = true;
    timing_.waitForFinished();
}

void SphericalExplorer::setActive(bool on) {
    if (on == active_) return;
    active_ = on;
    if (on) {
        points_->setVisible(false);
        recompute();
        return keepDataCamera();
    }
    spheres_->hide();
    points_->setVisible(true);
    viewport_->renderer()->GetActiveCamera()->DeepCopy(dataCamera_);
    viewport_->requestRender();
}

void SphericalExplorer::keepDataCamera() {
    dataCamera_->DeepCopy(viewport_->renderer()->GetActiveCamera());
    fitCamera();
}

// Head-on from -y, a little above, z up: the row of spheres side by side, none behind another.
void SphericalExplorer::fitCamera() {
    vtkCamera* camera = viewport_->renderer()->GetActiveCamera();
    camera->SetFocalPoint(0, 0, 0.2);
    camera->SetPosition(0, -1, 0.45);
    camera->SetViewUp(0, 0, 1);
    viewport_->renderer()->ResetCamera();
    camera->Zoom(1.35); // ResetCamera leaves room for a bounding sphere; the row is flat
    viewport_->requestRender();
}

void SphericalExplorer::recompute() {
    try {
        const SphericalSignal a = views::makeSignal(panel_->signal(0)),
                              b = views::makeSignal(panel_->signal(1));
        const int lout = panel_->productDegree();
        bool exact = true;
        const Eigen::Matrix3d q = orthogonalPart(transform_->element().linear, exact);
        const SphericalSignal ra = rotated(a, q), rb = rotated(b, q);
        product_ = gauntProduct(ra, rb, lout);
        const SphericalSignal expected = rotated(gauntProduct(a, b, lout), q);
        const double scale = std::max(expected.coefficients.norm(), 1e-300);
        error_ = (product_.coefficients - expected.coefficients).norm() / scale;
        const QString note =
            tr("%1: |G(Da, Db) − D G(a, b)| / |G(a, b)| = %2 (float64)")
                .arg(describeRotation(q, exact))
                .arg(expected.coefficients.norm() > 0 ? QString::number(error_, 'g', 2)
                                                      : tr("— (the product is zero)"));
        panel_->showResult(ra, rb, product_);
        panel_->setNote(note);
        if (active_)
            spheres_->show({{views::signalLabel(panel_->signal(0)), ra},
                            {views::signalLabel(panel_->signal(1)), rb},
                            {tr("Gaunt product (L ≤ %1)").arg(lout), product_}},
                           panel_->radiusByValue());
    } catch (const Error& e) {
        panel_->setNote(tr("Cannot compute: %1").arg(e.what()));
    }
    Q_EMIT recomputed();
}

void SphericalExplorer::runTiming() {
    if (timing_.isRunning()) return;
    const int top = panel_->timingTopDegree();
    tp::TimingWorkload workload;
    workload.channels = panel_->timingChannels();
    workload.repeats = 5;
    workload.kinds = {"gaunt", "grid", "cg"};
    panel_->timing()->start(top, tr("%1 channels, float64, CPU, threads: %2, median of 5")
                                     .arg(workload.channels)
                                     .arg(torch::get_num_threads()));
    panel_->timing()->setState(tr("0 of %1 degrees…").arg(top));
    panel_->setTimingRunning(true);
    *stop_ = false;
    timing_ = QtConcurrent::run([this, top, workload, stop = stop_] {
        int lmax = 1;
        try {
            for (; lmax <= top && !*stop; ++lmax) {
                const tp::ProductTimings t = tp::timeTensorProducts(lmax, workload);
                QMetaObject::invokeMethod(
                    this, [this, t, top] { timingArrived(t.lmax, t.gaunt, t.grid, t.cg, top); });
            }
        } catch (const std::exception& e) {
            const QString why = tr("failed at L = %1: %2").arg(lmax).arg(e.what());
            QMetaObject::invokeMethod(this, [this, why] { timingEnded(why); });
            return;
        }
        const QString state = lmax > top ? tr("done") : tr("stopped after L = %1").arg(lmax - 1);
        QMetaObject::invokeMethod(this, [this, state] { timingEnded(state); });
    });
}

void SphericalExplorer::stopTiming() {
    *stop_ = true;
}

void SphericalExplorer::timingArrived(int lmax, double fft, double grid, double cg, int top) {
    panel_->timing()->add({lmax, fft, grid, cg});
    panel_->timing()->setState(tr("%1 of %2 degrees…").arg(lmax).arg(top));
}

void SphericalExplorer::timingEnded(const QString& state) {
    panel_->timing()->setState(state);
    panel_->setTimingRunning(false);
    Q_EMIT timingFinished();
}

} // namespace equiscope::gui
