#include "PartsExplorer.h"

#include "Exploration.h"
#include "PartsPanel.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "TransformPanel.h"
#include "metrics/PartitionScores.h"
#include "metrics/PiecewiseEquivariance.h"

#include <numeric>

namespace equiscope::gui {

namespace {

constexpr int kDebounceMs = 150; // part drags: evaluate once the mouse rests
const QString kPartsOwner = QStringLiteral("parts");

std::vector<std::string> partNames(const std::string& prefix, int64_t count) {
    std::vector<std::string> names;
    for (int64_t k = 0; k < count; ++k) names.push_back(prefix + " " + std::to_string(k));
    return names;
}

// A categorical quantity: per-node codes named by `names`.
views::ColorQuantity labels(const QString& name, const QString& title,
                            const std::vector<int64_t>& codes, std::vector<std::string> names) {
    views::ColorQuantity q;
    q.kind = views::ColorQuantity::Kind::Categorical;
    q.name = name;
    q.title = title;
    q.values.assign(codes.begin(), codes.end());
    q.categories = std::move(names);
    return q;
}

} // namespace

PartsExplorer::PartsExplorer(views::PartsPanel* panel, Exploration* exploration,
                             views::PointCloudLayer* points, views::TransformPanel* transform,
                             QObject* parent)
    : QObject(parent), panel_(panel), exploration_(exploration), points_(points),
      transform_(transform) {
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &PartsExplorer::evaluateMove);
    connect(panel_, &views::PartsPanel::partitionChanged, this, &PartsExplorer::registerQuantities);
    connect(panel_, &views::PartsPanel::moveChanged, this, &PartsExplorer::moveChanged);
    connect(panel_, &views::PartsPanel::checkRequested, this, &PartsExplorer::runCheck);
    connect(exploration_, &Exploration::partMoved, this, [this] { debounce_.start(); });
    connect(exploration_, &Exploration::modelChanged, this, &PartsExplorer::reset);
    connect(exploration_, &Exploration::sampleChanged, this, &PartsExplorer::reset);
}

void PartsExplorer::reset() {
    sample_ = exploration_->sample();
    view_.reset();
    pieceError_.clear();
    panel_->setScatter({}, {}, 0);
    points_->quantities()->removeOwned(kPartsOwner);
    refresh();
}

void PartsExplorer::refresh() {
    const Model* model = exploration_->model();
    if (!sample_ || !model || !model->hasPartition()) {
        panel_->setPartitions({});
        panel_->setMovableParts({});
        panel_->setStatus(tr("Apply a model that predicts a partition (apen, or a TorchScript "
                             "model with partition()) to see its parts."));
        exploration_->setMovingNodes({});
        return;
    }
    panel_->setStatus(tr("Computing the partitions…"));
    auto sample = sample_;
    exploration_->worker()->runAnalysis(tr("Partitions"), [this, sample](const Evaluator& e,
                                                                         const Progress&) {
        auto view = std::make_shared<apen::PartitionView>(
            apen::partitionView(e.model(), *sample, e.options()));
        return std::function<void()>([this, sample, view] {
            if (sample != sample_) return; // the data changed meanwhile
            view_ = *view;
            // With true parts, each partition says whether it refines them (the event whose
            // probability is the bound's lambda).
            QStringList names;
            for (std::size_t l = 0; l < view_->names.size(); ++l) {
                QString name = QString::fromStdString(view_->names[l]);
                if (!sample_->parts.empty()) {
                    const double mixed = mixedFraction(view_->labels[l], sample_->parts);
                    name += mixed == 0 ? tr(": refines the true parts")
                                       : tr(": %1% of nodes in parts mixing true parts")
                                             .arg(100 * mixed, 0, 'f', 1);
                }
                names << name;
            }
            panel_->setPartitions(names);
            movable_ =
                compactPartition(sample_->parts.empty() ? view_->labels.back() : sample_->parts);
            QStringList parts;
            const QString prefix = sample_->parts.empty() ? tr("predicted part") : tr("true part");
            for (int64_t k = 0; k < movable_.parts; ++k) parts << prefix + " " + QString::number(k);
            panel_->setMovableParts(parts);
            // Uncertainty per part: the mean over its nodes.
            std::vector<double> sum(static_cast<std::size_t>(movable_.parts), 0.0),
                count(sum.size(), 0.0);
            for (std::size_t i = 0; i < movable_.labels.size(); ++i) {
                sum[static_cast<std::size_t>(movable_.labels[i])] += view_->nodeUncertainty[i];
                count[static_cast<std::size_t>(movable_.labels[i])] += 1;
            }
            QString perPart;
            for (std::size_t k = 0; k < sum.size(); ++k)
                perPart += QString("%1%2: %3")
                               .arg(k ? ", " : "")
                               .arg(k)
                               .arg(sum[k] / std::max(count[k], 1.0), 0, 'f', 3);
            panel_->setStatus(tr("%1 predicted parts. Mean uncertainty per %2 (Σ 1 − max p): %3")
                                  .arg(view_->parts.back())
                                  .arg(prefix)
                                  .arg(perPart));
            moveChanged();
            registerQuantities();
            Q_EMIT updated();
        });
    });
}

// The parts' quantities, for the partition the slider picks: registered with the points,
// shown when the user picks them in the colour combo.
void PartsExplorer::registerQuantities() {
    if (!sample_) return;
    std::vector<views::ColorQuantity> all;
    if (!sample_->parts.empty()) {
        const Partition truth = compactPartition(sample_->parts);
        const Field* field = sample_->find("part");
        all.push_back(labels(kTruePart, kTruePart, truth.labels,
                             field && !field->categories.empty() ? field->categories
                                                                 : partNames("part", truth.parts)));
    }
    const int layer = panel_->partition();
    if (view_ && layer >= 0 && layer < static_cast<int>(view_->labels.size())) {
        const auto l = static_cast<std::size_t>(layer);
        const QString partition = QString::fromStdString(view_->names[l]);
        all.push_back(labels(kPredictedPart, tr("predicted part\n(%1)").arg(partition),
                             view_->labels[l], partNames("part", view_->parts[l])));
        views::ColorQuantity doubt;
        doubt.name = kUncertainty;
        doubt.title = tr("uncertainty\n1 − max p (%1)").arg(partition);
        doubt.values = view_->doubt[l];
        all.push_back(std::move(doubt));
    }
    if (!pieceError_.empty()) {
        views::ColorQuantity error;
        error.name = kPiecewiseError;
        error.title = tr("piecewise error\n(relative)");
        error.values = pieceError_;
        all.push_back(std::move(error));
    }
    points_->quantities()->replaceOwned(kPartsOwner, std::move(all));
}

void PartsExplorer::moveChanged() {
    if (!panel_->moving() || !view_ || movable_.parts == 0) {
        exploration_->setMovingNodes({});
        return;
    }
    const int64_t picked = std::clamp<int64_t>(panel_->pickedPart(), 0, movable_.parts - 1);
    std::vector<bool> mask(movable_.labels.size());
    for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = movable_.labels[i] == picked;
    exploration_->setMovingNodes(std::move(mask)); // emits partMoved
}

// The picked part moved by the Transform dock's element, every other part still.
void PartsExplorer::evaluateMove() {
    if (!view_ || !sample_ || !exploration_->partMode()) return;
    std::vector<GroupElement> set(static_cast<std::size_t>(movable_.parts));
    set[static_cast<std::size_t>(
        std::clamp<int64_t>(panel_->pickedPart(), 0, movable_.parts - 1))] = transform_->element();
    auto sample = sample_;
    const Partition parts = movable_;
    exploration_->worker()->runAnalysis(
        tr("Part move"), [this, sample, parts, set](const Evaluator& e, const Progress& p) {
            auto error = std::make_shared<std::vector<double>>(
                piecewiseErrors(e.model(), *sample, parts, {set}, e.options(), p).nodeMean);
            return std::function<void()>([this, sample, error] {
                if (sample == sample_) deliverErrors(std::move(*error));
            });
        });
}

void PartsExplorer::runCheck() {
    if (!view_ || !sample_) return;
    auto sample = sample_;
    const Partition parts = movable_;
    exploration_->worker()->runAnalysis(
        tr("PiecewiseE3 check"), [this, sample, parts](const Evaluator& e, const Progress& p) {
            EvaluationOptions o = e.options();
            o.samples = 4;
            auto error = std::make_shared<std::vector<double>>(
                checkPiecewise(e.model(), *sample, parts, o, p).nodeMean);
            return std::function<void()>([this, sample, error] {
                if (sample == sample_) deliverErrors(std::move(*error));
            });
        });
}

void PartsExplorer::deliverErrors(std::vector<double> error) {
    pieceError_ = std::move(error);
    rho_ = spearman(view_->nodeUncertainty, pieceError_);
    panel_->setScatter(view_->nodeUncertainty, pieceError_, rho_);
    registerQuantities();
    // The result just asked for is what the points show, unless a part quantity already is.
    views::QuantityRegistry* quantities = points_->quantities();
    const views::ColorQuantity* shown = quantities->current();
    if (!shown || shown->owner != kPartsOwner) quantities->show(kPiecewiseError);
    Q_EMIT updated();
}

} // namespace equiscope::gui
