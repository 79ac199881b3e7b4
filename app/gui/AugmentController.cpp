#include "AugmentController.h"

#include "AugmentPanel.h"
#include "train/TransformFamily.h"
#include "util/Error.h"

#include <QMetaObject>
#include <QPointer>
#include <QStringList>
#include <QtConcurrent>

namespace equiscope::gui {

namespace {

views::AugmentEpoch epochView(const augment::ClassifierEpoch& e) {
    return {e.epoch,      e.cleanLoss,     e.validationAccuracy, e.gamma,
            e.acceptance, e.augmentedLoss, e.histograms};
}

} // namespace

QStringList AugmentController::modelKinds() {
    return {"frame_averaging", "pointnet", "affine_mc", "affine_fa"};
}

AugmentController::AugmentController(views::AugmentPanel* panel, QObject* parent)
    : QObject(parent), panel_(panel) {
    connect(panel_, &views::AugmentPanel::startRequested, this, &AugmentController::start);
    connect(panel_, &views::AugmentPanel::stopRequested, this, &AugmentController::stop);
    connect(panel_, &views::AugmentPanel::pauseToggled, this, &AugmentController::setPaused);
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<augment::ClassifyResult>>::finished, this,
            &AugmentController::runFinished);
    setConfig(augment::ClassifyConfig{});
}

AugmentController::~AugmentController() {
    stop();
    watcher_.waitForFinished();
}

augment::ClassifyConfig AugmentController::config() const {
    const views::AugmentSettings s = panel_->settings();
    augment::ClassifyConfig c = base_; // what the panel does not show stays as set
    c.model = s.model.toStdString();
    c.device = s.device.toStdString();
    c.families = parseFamilyList(s.families.toStdString());
    c.epsilon = s.epsilon;
    c.epochs = s.epochs;
    c.dualStart = s.dualStart;
    c.seed = static_cast<uint64_t>(s.seed);
    return c;
}

void AugmentController::setConfig(const augment::ClassifyConfig& c) {
    base_ = c;
    QStringList families;
    for (const std::string& f : c.families) families << QString::fromStdString(f);
    panel_->setSettings({QString::fromStdString(c.model), QString::fromStdString(c.device),
                         families.join(','), c.epsilon, c.epochs, c.dualStart,
                         static_cast<int>(c.seed)});
}

void AugmentController::start() {
    if (running()) return;
    augment::ClassifyConfig config;
    try {
        config = this->config();
    } catch (const Error& e) {
        panel_->setStatus(tr("Cannot start: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    std::vector<views::FamilyRange> ranges;
    for (const std::string& name : config.families) {
        const TransformFamily f = makeTransformFamily(name, 1, 0);
        ranges.push_back({QString::fromStdString(f.name), QString::fromStdString(f.magnitudeName),
                          QString("%1–%2%3")
                              .arg(f.minMagnitude)
                              .arg(f.maxMagnitude)
                              .arg(QString::fromStdString(
                                  f.unit.empty() || f.unit == "°" ? f.unit : " " + f.unit))});
    }
    panel_->beginRun(ranges, config.epochs, config.epsilon);
    cancel_ = std::make_shared<CancelToken>();
    failure_ = std::make_shared<std::string>();
    QPointer<AugmentController> self(this);
    watcher_.setFuture(QtConcurrent::run([self, config, cancel = cancel_, failure = failure_]()
                                             -> std::shared_ptr<augment::ClassifyResult> {
        auto post = [self](auto job) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, job] {
                    if (self) job(*self);
                },
                Qt::QueuedConnection);
        };
        try {
            const Progress progress(
                [post](double, const std::string& message) {
                    post([text = QString::fromStdString(message)](AugmentController& a) {
                        if (!a.paused()) a.panel_->setStatus(text);
                    });
                },
                cancel.get());
            return std::make_shared<augment::ClassifyResult>(augment::trainClassifier(
                config, progress, [post](const augment::ClassifierEpoch& e) {
                    post([view = epochView(e)](AugmentController& a) { a.panel_->addEpoch(view); });
                }));
        } catch (const Cancelled&) {
            return nullptr;
        } catch (const std::exception& e) {
            *failure = e.what(); // read after the future finishes
            return nullptr;
        }
    }));
}

void AugmentController::runFinished() {
    result_ = watcher_.result();
    panel_->endRun();
    panel_->showPaused(false);
    if (result_)
        showResult();
    else
        panel_->setStatus(failure_->empty()
                              ? tr("Stopped.")
                              : tr("Training failed: %1").arg(QString::fromStdString(*failure_)));
    Q_EMIT finished(result_ != nullptr);
}

void AugmentController::stop() {
    if (cancel_) cancel_->cancel();
}

void AugmentController::setPaused(bool paused) {
    if (!cancel_ || !running()) return;
    cancel_->setPaused(paused);
    panel_->showPaused(paused);
    if (paused) panel_->setStatus(tr("Paused after epoch %1.").arg(panel_->plottedEpochs()));
}

bool AugmentController::paused() const {
    return cancel_ && cancel_->paused();
}

void AugmentController::showResult() {
    const augment::ClassifyResult& r = *result_;
    std::vector<double> levels, acceptance;
    QString text;
    for (const std::string& f : r.config.families) {
        levels.push_back(r.levels.at(f));
        acceptance.push_back(r.acceptance.at(f));
        text += QString(" %1 %2").arg(QString::fromStdString(f)).arg(r.levels.at(f), 0, 'g', 3);
    }
    panel_->showLevels(levels, acceptance);
    QString distorted;
    for (const auto& [split, a] : r.distortedAccuracy)
        distorted += QString(" %1 %2").arg(QString::fromStdString(split)).arg(a, 0, 'f', 2);
    panel_->setStatus(tr("Done, %1 s per epoch. Levels γ:%2. Test accuracy %3; distorted:%4.")
                          .arg(r.secondsPerEpoch, 0, 'f', 1)
                          .arg(text)
                          .arg(r.testAccuracy, 0, 'f', 2)
                          .arg(distorted));
}

} // namespace equiscope::gui
