#include "Exploration.h"

#include "ChartsPanel.h"
#include "EvaluationPanel.h"
#include "InspectorPanel.h"
#include "ModelPanel.h"
#include "PermutationLayer.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "TransformPanel.h"
#include "TwoPathLayer.h"
#include "VtkViewport.h"
#include "groups/Action.h"
#include "util/Math.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace equiscope::gui {

namespace {

constexpr int kAnimationSteps = 60; // over two seconds
// A model slower than this per evaluation is previewed on a subsample during drags, sized
// to take about as long; the full evaluation follows once the transform rests.
constexpr double kFrameSeconds = 1.0 / 30;
constexpr int64_t kMinPreviewNodes = 256;
constexpr int kSettleMs = 200;
const QString kModelOwner = QStringLiteral("model");

QString triple(const std::vector<double>& v, std::size_t row, int64_t c) {
    QStringList parts;
    for (int64_t k = 0; k < c; ++k)
        parts << QString::number(v[row * static_cast<std::size_t>(c) + static_cast<std::size_t>(k)],
                                 'g', 6);
    return parts.join(QStringLiteral(", "));
}

} // namespace

Exploration::Exploration(const ExplorationViews& views, QObject* parent)
    : QObject(parent), v_(views), worker_(new ModelWorker(this)), loader_(new ModelLoader(this)),
      twoPaths_(std::make_unique<views::TwoPathLayer>(views.viewport->renderer())),
      permutation_(std::make_unique<views::PermutationLayer>(views.viewport->renderer())) {
    connect(v_.transformPanel, &views::TransformPanel::changed, this,
            &Exploration::transformChanged);
    connect(v_.transformPanel, &views::TransformPanel::animateRequested, this,
            &Exploration::animate);
    connect(worker_, &ModelWorker::liveReady, this, &Exploration::showLive);
    connect(worker_, &ModelWorker::failed, this, [this](const QString& m) {
        v_.evaluationPanel->showMessage(tr("Evaluation failed: %1").arg(m));
        Q_EMIT message(m);
    });
    connect(worker_, &ModelWorker::analysisFinished, this, &Exploration::analysisDone);
    connect(v_.charts, &views::ChartsPanel::sweepRequested, this, &Exploration::runSweep);
    connect(v_.charts, &views::ChartsPanel::profileRequested, this, &Exploration::runProfile);
    connect(v_.charts, &views::ChartsPanel::lieRequested, this, &Exploration::runLie);
    connect(v_.modelPanel, &views::ModelPanel::checkClaimsRequested, this,
            &Exploration::checkClaims);
    connect(v_.evaluationPanel, &views::EvaluationPanel::scaleChanged, this,
            &Exploration::refreshColors);
    connect(v_.viewport, &views::VtkViewport::objectDragged, this, &Exploration::onObjectDrag);
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, [this] {
        if (model_ && sample_) worker_->requestLive(v_.transformPanel->element());
    });
    animation_.setInterval(2000 / kAnimationSteps);
    connect(&animation_, &QTimer::timeout, this, [this] {
        const auto defaults = Transform::identity(v_.transformPanel->current().group).values;
        const double t = static_cast<double>(++animationStep_) / kAnimationSteps;
        Transform step = v_.transformPanel->current();
        for (std::size_t i = 0; i < step.values.size() && i < animationTarget_.size(); ++i)
            step.values[i] = defaults[i] + t * (animationTarget_[i] - defaults[i]);
        v_.transformPanel->setCurrent(step);
        if (animationStep_ >= kAnimationSteps) animation_.stop();
    });
}

Exploration::~Exploration() = default;

void Exploration::setSample(std::shared_ptr<const Sample> sample) {
    sample_ = std::move(sample);
    if (static_cast<int64_t>(moving_.size()) != sample_->nodeCount()) moving_.clear();
    last_.reset();
    shownError_.clear();
    verdicts_.clear();
    twoPaths_->hide();
    refreshColors(); // the last sample's errors are not this one's
    v_.transformPanel->setContext(sampleContext(*sample_));
    if (model_) restartWorker();
    transformChanged();
    Q_EMIT sampleChanged();
}

void Exploration::setMovingNodes(std::vector<bool> moving) {
    moving_ = std::move(moving);
    if (sample_ && static_cast<int64_t>(moving_.size()) != sample_->nodeCount()) moving_.clear();
    transformChanged();
}

void Exploration::restartWorker() {
    EvaluationOptions options;
    options.device = device_;
    options.features = features_;
    worker_->setModel(model_, sample_, options);
}

void Exploration::applyModel(const QString& nameOrFile, const ModelOptions& options,
                             DeviceKind device) {
    loader_->load(
        {nameOrFile, options, device},
        [this](std::shared_ptr<Model> model, const ModelRequest& r, const QString& error) {
            if (!model) return Q_EMIT modelFailed(r.nameOrFile, error);
            useModel(std::move(model), r.nameOrFile, r.options, r.device);
            Q_EMIT modelLoaded(r.nameOrFile);
        });
}

void Exploration::useModel(std::shared_ptr<Model> model, const QString& name,
                           const ModelOptions& options, DeviceKind device) {
    model_ = std::move(model);
    modelName_ = name;
    modelOptions_ = options;
    device_ = device;
    verdicts_.clear();
    last_.reset();
    shownError_.clear();
    v_.modelPanel->showModel(model_.get(), verdicts_);
    views::QuantityRegistry* quantities = v_.points->quantities();
    quantities->removeOwned(kModelOwner);
    if (model_->spec().perNode) { // listed now, drawn from the first result
        quantities->put(errorQuantity());
        quantities->show(errorColourName());
    }
    if (sample_) {
        restartWorker();
        transformChanged();
    }
    Q_EMIT modelChanged();
}

void Exploration::clearModel() {
    model_.reset();
    modelName_.clear();
    last_.reset();
    shownError_.clear();
    worker_->setModel(nullptr, sample_, {});
    v_.points->quantities()->removeOwned(kModelOwner);
    twoPaths_->hide();
    v_.modelPanel->showModel(nullptr, {});
    Q_EMIT modelChanged();
}

void Exploration::transformChanged() {
    if (!sample_) return;
    const GroupElement g = v_.transformPanel->element();
    // Points are drawn at g.x in node order (a permutation does not move them); lines show
    // which node went where.
    GroupElement motion = g;
    motion.permutation.clear();
    std::vector<double> moved =
        transformField(sample_->positions(), motion, sample_->nodeCount()).values;
    if (partMode()) { // the other parts stay
        const auto& rest = sample_->positions().values;
        for (std::size_t i = 0; i < moving_.size(); ++i)
            if (!moving_[i])
                std::copy(rest.begin() + 3 * i, rest.begin() + 3 * i + 3, moved.begin() + 3 * i);
        v_.points->setPositions(moved);
        permutation_->hide();
        v_.viewport->requestRender();
        Q_EMIT partMoved();
        return;
    }
    v_.points->setPositions(moved);
    if (g.permutation.empty())
        permutation_->hide();
    else
        permutation_->show(moved, g.permutation);
    if (model_) {
        const bool preview = worker_->previewNodes() > 0;
        worker_->requestLive(g, preview);
        if (preview) settle_.start(); // restarted by every step of a drag
        if (last_)
            v_.evaluationPanel->showResult(last_->meanError, last_->maxError, last_->seconds, g,
                                           tr("updating…"));
    }
    v_.viewport->requestRender();
}

void Exploration::choosePreviewSize(double seconds) {
    const int64_t n = sample_->nodeCount();
    if (worker_->previewNodes() > 0 || seconds <= kFrameSeconds || n < 4 * kMinPreviewNodes)
        return; // chosen once per model and sample
    const auto fit = static_cast<int64_t>(static_cast<double>(n) * kFrameSeconds / seconds);
    worker_->setPreviewNodes(std::clamp(fit, kMinPreviewNodes, n / 4));
}

void Exploration::showPreview(const LiveResult& r) {
    if (model_->spec().perNode && static_cast<int64_t>(shownError_.size()) == sample_->nodeCount())
        for (std::size_t k = 0; k < r.nodes.size(); ++k)
            shownError_[static_cast<std::size_t>(r.nodes[k])] = r.nodeError[k];
    refreshColors();
    twoPaths_->hide(); // its anchors are the last full result's
    v_.evaluationPanel->showResult(
        r.meanError, r.maxError, r.seconds, r.element,
        tr("preview: %1 of %2 nodes, approximate").arg(r.nodes.size()).arg(sample_->nodeCount()));
    v_.viewport->requestRender();
    Q_EMIT previewed();
}

void Exploration::showLive(const LiveResult& r) {
    if (r.preview()) return showPreview(r);
    last_ = r;
    shownError_ = r.nodeError;
    choosePreviewSize(r.seconds);
    const ModelSpec& spec = model_->spec();
    if (spec.perNode) refreshColors();
    // Anchors of vector glyphs: g.x in the rows' order.
    std::vector<double> anchors(static_cast<std::size_t>(sample_->nodeCount() * 3));
    const Field& pos = sample_->positions();
    for (int64_t i = 0; i < sample_->nodeCount(); ++i) {
        const Eigen::Vector3d x = r.element.apply(Eigen::Vector3d(pos.at(r.element.source(i), 0),
                                                                  pos.at(r.element.source(i), 1),
                                                                  pos.at(r.element.source(i), 2)));
        for (int k = 0; k < 3; ++k) anchors[static_cast<std::size_t>(i * 3 + k)] = x(k);
    }
    if (spec.perNode)
        twoPaths_->show(r.paths, spec.output, anchors);
    else
        twoPaths_->hide();
    v_.evaluationPanel->showResult(r.meanError, r.maxError, r.seconds, r.element, {});
    v_.charts->setHistogram(spec.perNode ? r.nodeError : r.paths.rowError);
    inspect(inspected_);
    v_.viewport->requestRender();
    Q_EMIT evaluated();
}

QString Exploration::errorColourName() {
    return QStringLiteral("equivariance error");
}

views::ColorQuantity Exploration::errorQuantity() const {
    views::ColorQuantity q;
    q.name = errorColourName();
    q.owner = kModelOwner;
    const bool float64 = worker_->options().float64;
    q.title = tr("equivariance error\n(%1, relative)").arg(float64 ? "float64" : "float32");
    if (sample_ && static_cast<int64_t>(shownError_.size()) == sample_->nodeCount())
        q.values = shownError_;
    if (const views::ColorQuantity* old = v_.points->quantities()->find(q.name))
        q.colormap = old->colormap;
    q.logScale = v_.evaluationPanel->logScale();
    if (v_.evaluationPanel->rangeLocked())
        std::tie(q.fixedLo, q.fixedHi) = v_.evaluationPanel->lockedRange();
    if (!v_.evaluationPanel->fullRange()) q.exactBelow = roundOffTolerance(float64);
    return q;
}

void Exploration::refreshColors() {
    if (!model_ || !model_->spec().perNode) return;
    v_.points->quantities()->put(errorQuantity());
    const bool shown = v_.points->quantities()->shown() == errorColourName();
    v_.evaluationPanel->showRoundOff(
        shown && last_ ? v_.points->exactNodes() : -1, sample_ ? sample_->nodeCount() : 0,
        roundOffTolerance(worker_->options().float64),
        worker_->options().float64 ? QStringLiteral("float64") : QStringLiteral("float32"));
    v_.viewport->requestRender();
}

void Exploration::inspect(int64_t node) {
    inspected_ = node;
    std::vector<std::pair<QString, QString>> extra;
    if (last_ && model_ && model_->spec().perNode && node >= 0 && node < sample_->nodeCount()) {
        // The output row that belongs to this node under the element's permutation.
        const GroupElement inv = last_->element.inverse();
        const auto row = static_cast<std::size_t>(inv.source(node));
        const int64_t c = last_->paths.channels;
        extra = {
            {tr("f(x)"), triple(last_->paths.untransformed, static_cast<std::size_t>(node), c)},
            {tr("f(g·x)"), triple(last_->paths.transformedThenModel, row, c)},
            {tr("g·f(x)"), triple(last_->paths.modelThenTransformed, row, c)},
            {tr("error"),
             QString::number(last_->nodeError[static_cast<std::size_t>(node)], 'g', 6)}};
    }
    v_.inspector->showNode(sample_.get(), node, extra);
}

void Exploration::animate() {
    animationTarget_ = v_.transformPanel->current().values;
    animationStep_ = 0;
    animation_.start();
}

void Exploration::onObjectDrag(QPointF from, QPointF to, Qt::KeyboardModifiers modifiers) {
    if (!sample_) return;
    vtkCamera* camera = v_.viewport->renderer()->GetActiveCamera();
    double up[3], normal[3];
    camera->GetViewUp(up);
    camera->GetViewPlaneNormal(normal);
    const Eigen::Vector3d u(up[0], up[1], up[2]), n(normal[0], normal[1], normal[2]);
    const Eigen::Vector3d right = u.cross(n).normalized();
    const double dx = to.x() - from.x(), dy = to.y() - from.y();
    const GroupElement current = v_.transformPanel->current().element(v_.transformPanel->context());
    GroupElement step;
    if (modifiers & Qt::ShiftModifier) { // scale: drag up to grow
        step = GroupElement::linearMap(std::exp(-dy * 0.005) * Eigen::Matrix3d::Identity());
    } else if (modifiers & Qt::ControlModifier) { // translate in the view plane
        const double perPixel =
            2.0 * v_.transformPanel->context().scale / std::max(1, v_.viewport->height());
        step = GroupElement::shift((dx * right - dy * u) * perPixel);
    } else { // rotate like a trackball: about the axis orthogonal to the drag, in view space
        const Eigen::Vector3d axis = dy * right + dx * u;
        if (axis.norm() < 1e-9) return;
        step = GroupElement::linearMap(
            Eigen::AngleAxisd(axis.norm() * 0.5 * kRadiansPerDegree, axis.normalized())
                .toRotationMatrix());
    }
    v_.transformPanel->setFromElement(step.compose(current));
}

} // namespace equiscope::gui
