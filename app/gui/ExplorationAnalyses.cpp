// Exploration: the analyses the Charts dock and the Model dock start (claims, sweep,
// profile, Lie derivative), queued on the worker; sweeps and profiles draw as they arrive.
#include "ChartsPanel.h"
#include "Exploration.h"
#include "ModelPanel.h"
#include "TransformPanel.h"
#include "io/TextScanner.h"
#include "util/Error.h"

#include <QMetaObject>

namespace equiscope::gui {

void Exploration::checkClaims() {
    if (!model_) return;
    std::vector<std::string> claims = model_->spec().symmetries;
    worker_->runAnalysis(QStringLiteral("claims"),
                         [this, claims](const Evaluator& e, const Progress& progress) {
                             auto results = std::make_shared<std::map<std::string, double>>();
                             for (const auto& c : claims) {
                                 progress.checkCancelled();
                                 try {
                                     (*results)[c] = e.check(*makeGroup(c), progress).meanError;
                                 } catch (const Error&) {
                                     continue; // a claim the engine cannot parse stays unmeasured
                                 }
                             }
                             return std::function<void()>([this, results] {
                                 verdicts_ = *results;
                                 v_.modelPanel->showModel(model_.get(), verdicts_);
                             });
                         });
}

double Exploration::currentSweepParameter() const {
    const Transform t = v_.transformPanel->current();
    const auto specs = makeGroup(t.group)->parameters();
    for (std::size_t i = 0; i < specs.size(); ++i)
        if (specs[i].name.find("angle") != std::string::npos ||
            specs[i].name.find("scale") != std::string::npos)
            return specs[i].name.find("angle") != std::string::npos && t.values[i] < 0
                       ? t.values[i] + 360
                       : t.values[i];
    return 0;
}

void Exploration::runSweep() {
    if (!model_) return;
    Q_EMIT chartAnalysisStarted();
    const QStringList parts = v_.charts->sweepAxis().split(',');
    Eigen::Vector3d axis(0, 0, 1);
    if (parts.size() != 3 || !parseDouble(parts[0].trimmed().toStdString(), axis.x()) ||
        !parseDouble(parts[1].trimmed().toStdString(), axis.y()) ||
        !parseDouble(parts[2].trimmed().toStdString(), axis.z())) {
        Q_EMIT message(tr("The sweep axis must be three numbers such as 0,0,1"));
        return;
    }
    const std::string group = v_.transformPanel->current().group;
    const int steps = v_.charts->sweepSteps();
    const double current = currentSweepParameter();
    // Points are drawn as they arrive; a stop (Cancel) keeps what was computed.
    auto drawn = std::make_shared<SweepReport>();
    auto draw = [this, current](const SweepReport& r, const QString& state) {
        v_.charts->setSweep(r, current, state);
    };
    worker_->runAnalysis(
        QStringLiteral("sweep"),
        [this, group, axis, steps, drawn, draw](const Evaluator& e, const Progress& progress) {
            auto post = [this, draw](SweepReport r, const QString& state) {
                QMetaObject::invokeMethod(
                    this, [draw, r, state] { draw(r, state); }, Qt::QueuedConnection);
            };
            try {
                *drawn =
                    sweep(e, *makeGroup(group), axis, steps, progress,
                          [&](const SweepReport& sofar, int all) {
                              *drawn = sofar;
                              post(sofar, tr("%1 of %2 points…").arg(sofar.points.size()).arg(all));
                          });
            } catch (const Cancelled&) {
                const QString state =
                    tr("stopped: %1 of %2 points").arg(drawn->points.size()).arg(steps);
                return std::function<void()>([draw, drawn, state] { draw(*drawn, state); });
            }
            return std::function<void()>([draw, drawn] { draw(*drawn, QString()); });
        });
}

void Exploration::runProfile() {
    if (!model_) return;
    Q_EMIT chartAnalysisStarted();
    // Each group's bar is drawn as it is measured; a stop (Cancel) keeps the bars so far.
    worker_->runAnalysis(
        QStringLiteral("profile"), [this](const Evaluator& e, const Progress& progress) {
            auto reports = std::make_shared<std::vector<ErrorReport>>();
            const auto groups = candidateGroups();
            const auto all = static_cast<int>(groups.size());
            try {
                for (std::size_t i = 0; i < groups.size(); ++i) {
                    progress.report(static_cast<double>(i) / all, "profile: " + groups[i]);
                    reports->push_back(e.check(*makeGroup(groups[i]), progress));
                    const QString state = tr("%1 of %2 groups…").arg(reports->size()).arg(all);
                    QMetaObject::invokeMethod(
                        this, [this, r = *reports, state] { v_.charts->setProfile(r, state); },
                        Qt::QueuedConnection);
                }
            } catch (const Cancelled&) {
                const QString state = tr("stopped: %1 of %2 groups").arg(reports->size()).arg(all);
                return std::function<void()>(
                    [this, reports, state] { v_.charts->setProfile(*reports, state); });
            }
            return std::function<void()>([this, reports] { v_.charts->setProfile(*reports); });
        });
}

void Exploration::runLie() {
    if (!model_) return;
    Q_EMIT chartAnalysisStarted();
    const std::string group = v_.transformPanel->current().group;
    auto model = model_;
    auto sample = sample_;
    const DeviceKind device = device_;
    const QString name = QString::fromStdString(group);
    // Each generator's bar is drawn as it is measured; a stop (Cancel) keeps the bars so far.
    worker_->runAnalysis(QStringLiteral("lie"), [this, group, model, sample, device,
                                                 name](const Evaluator&, const Progress& progress) {
        EvaluationOptions options;
        options.float64 = true;
        options.device = device;
        const Evaluator precise(*model, *sample, options); // the worker switches back for live jobs
        auto reports = std::make_shared<std::vector<LieReport>>();
        const auto lieGroup = makeGroup(group);
        const auto all = static_cast<int>(lieGroup->generators().size());
        try {
            lieDerivatives(
                precise, *lieGroup, progress,
                [&](const std::vector<LieReport>& sofar, int generators) {
                    *reports = sofar;
                    const QString state =
                        tr("%1 of %2 generators…").arg(sofar.size()).arg(generators);
                    QMetaObject::invokeMethod(
                        this, [this, r = sofar, name, state] { v_.charts->setLie(r, name, state); },
                        Qt::QueuedConnection);
                });
        } catch (const Cancelled&) {
            const QString state = tr("stopped: %1 of %2 generators").arg(reports->size()).arg(all);
            return std::function<void()>(
                [this, reports, name, state] { v_.charts->setLie(*reports, name, state); });
        }
        return std::function<void()>([this, reports, name] { v_.charts->setLie(*reports, name); });
    });
}

} // namespace equiscope::gui
