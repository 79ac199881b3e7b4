#include "TrainingController.h"

#include "TrainingPanel.h"
#include "soft_equivariance/Tasks.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>

namespace equiscope::gui {

namespace {

QStringList qStrings(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& s : items) out << QString::fromStdString(s);
    return out;
}

} // namespace

QStringList TrainingController::taskNames() {
    return {"inertia", "cossim", "motion"};
}

QStringList TrainingController::modelKinds() {
    return qStrings(per::perModelKinds());
}

TrainingController::TrainingController(views::TrainingPanel* panel, QObject* parent)
    : QObject(parent), panel_(panel) {
    connect(panel_, &views::TrainingPanel::taskChanged, this, &TrainingController::taskChanged);
    connect(panel_, &views::TrainingPanel::startRequested, this, &TrainingController::start);
    connect(panel_, &views::TrainingPanel::stopRequested, this, &TrainingController::stop);
    connect(panel_, &views::TrainingPanel::pauseToggled, this, &TrainingController::setPaused);
    connect(panel_, &views::TrainingPanel::exploreRequested, this,
            &TrainingController::exploreRequested);
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<per::PerResult>>::finished, this,
            &TrainingController::runFinished);
    setConfig(per::PerConfig::defaultsFor("inertia"));
}

TrainingController::~TrainingController() {
    stop();
    watcher_.waitForFinished();
}

void TrainingController::taskChanged(const QString& task) {
    const per::PerConfig defaults = per::PerConfig::defaultsFor(task.toStdString());
    panel_->setVariants(task == "cossim"
                            ? QStringList{"so3-scale", "so3", "scale", "none"}
                            : QStringList{"z", "x", "y"}, // inertia's axis, motion's gravity
                        defaults.epochs);
}

per::PerConfig TrainingController::config() const {
    const views::TrainingSettings s = panel_->settings();
    per::PerConfig c = per::PerConfig::defaultsFor(s.task.toStdString());
    c.variant = s.variant.toStdString();
    c.model = s.model.toStdString();
    c.device = s.device.toStdString();
    c.epsilon = s.epsilon;
    c.setEpochs(s.epochs);
    c.seed = static_cast<uint64_t>(s.seed);
    return c;
}

void TrainingController::setConfig(const per::PerConfig& c) {
    views::TrainingSettings s;
    s.task = QString::fromStdString(c.task);
    s.model = QString::fromStdString(c.model);
    s.variant = QString::fromStdString(c.variant);
    s.device = QString::fromStdString(c.device);
    s.epsilon = c.epsilon;
    s.epochs = c.epochs;
    s.seed = static_cast<int>(c.seed);
    taskChanged(s.task); // the task's variants, even when the task is already shown
    panel_->setSettings(s);
}

void TrainingController::start() {
    if (running()) return;
    const per::PerConfig config = this->config();
    views::TrainingChartSetup setup;
    setup.groups = qStrings(per::makeTask(config.task, config.variant, config.epsilon)->groups());
    setup.epochs = config.epochs;
    setup.adjustEpoch = config.adjustEpoch;
    setup.initialLambda = config.initialLambda;
    setup.model = QString::fromStdString(config.model);
    panel_->beginRun(setup);
    cancel_ = std::make_shared<CancelToken>();
    failure_ = std::make_shared<std::string>();
    QPointer<TrainingController> self(this);
    watcher_.setFuture(QtConcurrent::run(
        [self, config, cancel = cancel_, failure = failure_]() -> std::shared_ptr<per::PerResult> {
            auto post = [self](auto job) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, job] {
                        if (self) job(*self);
                    },
                    Qt::QueuedConnection);
            };
            try {
                // The trainer's message carries the epoch, the loss and the ETA.
                const Progress progress(
                    [post](double, const std::string& message) {
                        post([text = QString::fromStdString(message)](TrainingController& t) {
                            if (!t.paused()) t.panel_->setStatus(text);
                        });
                    },
                    cancel.get());
                return std::make_shared<per::PerResult>(
                    per::trainPer(config, progress, [post](const per::EpochLog& log) {
                        post([log](TrainingController& t) {
                            t.panel_->addEpoch(log.epoch, log.trainLoss, log.validationMse,
                                               log.lambdas);
                        });
                    }));
            } catch (const Cancelled&) {
                return nullptr;
            } catch (const std::exception& e) {
                *failure = e.what(); // read after the future finishes
                return nullptr;
            }
        }));
}

void TrainingController::runFinished() {
    result_ = watcher_.result();
    panel_->endRun(result_ != nullptr);
    panel_->showPaused(false);
    if (result_)
        showResult();
    else
        panel_->setStatus(failure_->empty()
                              ? tr("Stopped.")
                              : tr("Training failed: %1").arg(QString::fromStdString(*failure_)));
    Q_EMIT finished(result_ != nullptr);
}

void TrainingController::stop() {
    if (cancel_) cancel_->cancel();
}

void TrainingController::setPaused(bool paused) {
    if (!cancel_ || !running()) return;
    cancel_->setPaused(paused);
    panel_->showPaused(paused);
    if (paused) panel_->setStatus(tr("Paused after epoch %1.").arg(panel_->plottedEpochs()));
}

bool TrainingController::paused() const {
    return cancel_ && cancel_->paused();
}

void TrainingController::showResult() {
    const per::PerResult& r = *result_;
    std::vector<views::LevelRow> rows;
    for (std::size_t j = 0; j < r.groups.size(); ++j)
        rows.push_back({QString::fromStdString(r.groups[j]), r.levels[j], r.normalizedLevels[j],
                        r.regularizers[j], r.equivarianceError[j], r.trueEquivarianceError[j]});
    panel_->showLevels(rows);
    const QString score =
        r.testAde >= 0
            ? tr("test MSE %1, ADE %2").arg(r.testMse, 0, 'g', 4).arg(r.testAde, 0, 'g', 4)
            : tr("test MSE %1").arg(r.testMse, 0, 'g', 4);
    panel_->setStatus(tr("Done in %1: %2 (model selected at epoch %3). The level column is the "
                         "learned symmetry level; compare it with the true error column.")
                          .arg(QString::fromStdString(formatDuration(r.seconds)), score)
                          .arg(r.bestEpoch));
}

} // namespace equiscope::gui
