#include "DatasetExplorer.h"

#include "BuiltinModels.h"
#include "DatasetPanel.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "TimelinePanel.h"
#include "TransformPanel.h"
#include "groups/Group.h"
#include "groups/Piecewise.h"
#include "models/Model.h"
#include "models/ModelRegistry.h"
#include "scan/ScanUnit.h"
#include "scan/ScanUnits.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QTableWidget>
#include <QtConcurrent>
#include <cmath>

namespace equiscope::gui {

namespace {

// "egnn (k=8, load=w.pt)" as the scan wrote it: the model's name and its options.
std::pair<QString, ModelOptions> modelOf(const std::string& description) {
    const auto open = description.find(" (");
    ModelOptions options;
    if (open != std::string::npos && description.back() == ')') {
        const std::string list = description.substr(open + 2, description.size() - open - 3);
        for (const QString& kv : QString::fromStdString(list).split(", ", Qt::SkipEmptyParts)) {
            std::string option = kv.toStdString();
            if (option.rfind("load=", 0) == 0)
                option = std::string(kWeightsOption) + option.substr(4);
            if (option.rfind("feature-dim=", 0) == 0) option = "feature_dim" + option.substr(11);
            addOption(options, option);
        }
    }
    return {QString::fromStdString(description.substr(0, open)), options};
}

// The model as a scan's results name it: "egnn (k=8)" (equiscope-cli scan writes the same).
std::string modelDescription(const QString& name, const ModelOptions& options) {
    std::string out = name.toStdString(), list;
    for (const auto& [key, value] : options) list += (list.empty() ? "" : ", ") + key + "=" + value;
    return list.empty() ? out : out + " (" + list + ")";
}

} // namespace

DatasetExplorer::~DatasetExplorer() {
    *stop_ = true;
    scan_.waitForFinished();
}

DatasetExplorer::DatasetExplorer(MainWindow& window, views::DatasetPanel* panel)
    : QObject(&window), window_(window), panel_(panel) {
    connect(panel_, &views::DatasetPanel::unitRequested, this,
            [this](qint64 unit, const QString& group) { openUnit(unit, group); });
    connect(&window_, &MainWindow::datasetShown, this, [this] {
        if (pending_) showPending();
        updateStrip();
    });
    connect(window_.timeline(), &views::TimelinePanel::frameRequested, this,
            [this](int sample, int) {
                if (sample != stripSample_) updateStrip();
            });
    connect(panel_, &views::DatasetPanel::scanRequested, this, [this] { runScan(); });
    connect(panel_, &views::DatasetPanel::stopRequested, this, &DatasetExplorer::stopScan);
    connect(panel_, &views::DatasetPanel::saveRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            &window_, tr("Save scan results"), QStringLiteral("scan.csv"),
            tr("Scan results (*.csv *.jsonl *.ndjson)"));
        if (!path.isEmpty()) saveResults(path);
    });
}

bool DatasetExplorer::runScan() {
    const SessionState session = window_.sessions()->current();
    const std::string group = window_.transformPanel()->current().group;
    QString refusal;
    if (scan_.isRunning())
        refusal = tr("a scan is running");
    else if (!window_.dataset())
        refusal = tr("open data first");
    else if (session.model.isEmpty())
        refusal = tr("choose a model first (Model dock)");
    else if (group == kPiecewiseE3)
        refusal = tr("PiecewiseE3 needs a partition per unit");
    if (!refusal.isEmpty()) {
        window_.setStatus(tr("Cannot scan: %1").arg(refusal));
        return false;
    }
    ScanSettings settings;
    settings.model = modelDescription(session.model, session.options);
    settings.data = session.data.toStdString();
    settings.groups = {group};
    settings.samples = panel_->samples();
    settings.dtype = "float32";
    settings.device = "cpu";
    settings.units = static_cast<int64_t>(scanIndex(*window_.dataset()).size());
    panel_->startScan(settings);
    *stop_ = false;
    auto dataset = std::make_shared<Dataset>(*window_.dataset());
    scan_ = QtConcurrent::run([this, settings, dataset, name = session.model.toStdString(),
                               options = session.options, stop = stop_] {
        QString state;
        try {
            const std::unique_ptr<Model> model = createModel(name, options);
            const ScanUnits units = ScanUnits::ofDataset(std::move(*dataset));
            std::vector<std::unique_ptr<Group>> groups;
            groups.push_back(makeGroup(settings.groups.front()));
            EvaluationOptions evaluation;
            evaluation.samples = settings.samples;
            int64_t u = 0;
            for (; u < units.size() && !*stop; ++u) {
                auto rows = scanUnit(*model, units, u, groups, settings.groups, evaluation);
                QMetaObject::invokeMethod(this, [this, rows, done = u + 1, n = units.size()] {
                    panel_->appendRows(rows);
                    panel_->setProgress(done, n);
                });
            }
            state = u == units.size() ? tr("done, %1 units").arg(u)
                                      : tr("stopped after %1 of %2 units").arg(u).arg(units.size());
        } catch (const std::exception& e) {
            state = tr("failed: %1").arg(e.what());
        }
        QMetaObject::invokeMethod(this, [this, state] {
            panel_->finishScan(state);
            updateStrip();
            Q_EMIT scanFinished(state);
        });
    });
    return true;
}

void DatasetExplorer::stopScan() {
    *stop_ = true;
}

bool DatasetExplorer::saveResults(const QString& path) {
    std::vector<ScanRow> rows = panel_->results().rows;
    sortScanRows(rows, panel_->results().settings.groups);
    try {
        writeScanFile(path.toStdString(), panel_->results().settings, rows);
    } catch (const std::exception& e) {
        window_.setStatus(tr("Cannot save the scan results: %1").arg(e.what()));
        return false;
    }
    resultsPath_ = path;
    window_.setStatus(tr("Saved %1 rows to %2").arg(rows.size()).arg(path));
    return true;
}

void DatasetExplorer::updateStrip() {
    stripSample_ = window_.timeline()->sample();
    const ScanFile& results = panel_->results();
    std::vector<double> errors;
    const bool scanned = !results.rows.empty() && window_.dataset() &&
                         !scansDirectory(dataPath(results.settings.data).toStdString()) &&
                         window_.sessions()->current().data == dataPath(results.settings.data);
    if (scanned) {
        const auto index = scanIndex(*window_.dataset());
        int64_t frames = 0;
        for (const auto& [sample, frame] : index) frames += sample == stripSample_;
        if (frames > 1) errors.assign(static_cast<std::size_t>(frames), std::nan(""));
        for (const ScanRow& r : results.rows) {
            if (errors.empty() || r.group != results.settings.groups.front() || !r.ok ||
                r.unit >= static_cast<int64_t>(index.size()))
                continue;
            const auto [sample, frame] = index[static_cast<std::size_t>(r.unit)];
            if (sample == stripSample_) errors[static_cast<std::size_t>(frame)] = r.meanError;
        }
    }
    window_.timeline()->setFrameErrors(
        errors, tr("%1 mean error")
                    .arg(results.settings.groups.empty()
                             ? QString()
                             : QString::fromStdString(results.settings.groups.front())));
}

bool DatasetExplorer::openResults(const QString& path) {
    try {
        panel_->setResults(readScanFile(path.toStdString()), path);
    } catch (const std::exception& e) {
        window_.setStatus(tr("Cannot open the scan results: %1").arg(e.what()));
        return false;
    }
    resultsPath_ = path;
    updateStrip();
    window_.setStatus(tr("%1: %2 units; click one to open it")
                          .arg(QFileInfo(path).fileName())
                          .arg(panel_->results().settings.units));
    return true;
}

QString DatasetExplorer::dataPath(const std::string& data) const {
    const QString given = QString::fromStdString(data);
    if (QFileInfo::exists(given) || !QFileInfo(given).isRelative()) return given;
    const QString beside = QFileInfo(resultsPath_).dir().filePath(given);
    return QFileInfo::exists(beside) ? beside : given; // demo, nbody:..., shapes:...
}

void DatasetExplorer::openUnit(int64_t unit, const QString& group) {
    for (const ScanRow& r : panel_->rowsOf(unit))
        if (QString::fromStdString(r.group) == group) pending_ = Pending{r};
    if (!pending_) return;
    const std::string& data = panel_->results().settings.data;
    const QString root = dataPath(data);
    const QString target = scansDirectory(root.toStdString())
                               ? QDir(root).filePath(QString::fromStdString(pending_->row.name))
                               : root;
    if (window_.dataset() && window_.sessions()->current().data == target) return showPending();
    window_.open(target);
}

void DatasetExplorer::openWorst() {
    const auto& groups = panel_->results().settings.groups;
    if (panel_->table()->rowCount() > 0 && !groups.empty())
        openUnit(panel_->unitAtRow(0), QString::fromStdString(groups.front()));
}

void DatasetExplorer::showPending() {
    const ScanRow row = pending_->row;
    pending_.reset();
    const ScanSettings& s = panel_->results().settings;
    if (!scansDirectory(dataPath(s.data).toStdString()) && window_.dataset()) {
        const auto index = scanIndex(*window_.dataset());
        if (row.unit < static_cast<int64_t>(index.size())) {
            const auto [sample, frame] = index[static_cast<std::size_t>(row.unit)];
            window_.timeline()->setSample(static_cast<int>(sample));
            window_.timeline()->setFrame(static_cast<int>(frame));
        }
    }
    const auto [model, options] = modelOf(s.model);
    if (window_.sessions()->current().model != model)
        window_.applyModel(model, options, parseDevice(s.device == "cuda" ? "auto" : "cpu"));
    const std::unique_ptr<Group> group = makeGroup(row.group);
    window_.transformPanel()->setCurrent(
        Transform{row.group, parametersOf(*group, scanElement(row))});
    window_.setStatus(
        tr("%1: mean error %2, max %3 under %4; the Transform dock holds element %5 of the "
           "scan's %6 (seed %7)%8")
            .arg(QString::fromStdString(row.name))
            .arg(row.meanError, 0, 'e', 2)
            .arg(row.maxError, 0, 'e', 2)
            .arg(QString::fromStdString(row.group))
            .arg(row.maxElement)
            .arg(s.samples)
            .arg(s.seed)
            .arg(row.group.find("Perm") != std::string::npos
                     ? tr("; its permutation is replayed by equiscope-cli check --seed")
                     : QString()));
    Q_EMIT unitShown(row.unit);
}

} // namespace equiscope::gui
