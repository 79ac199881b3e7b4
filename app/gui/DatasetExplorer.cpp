#include "DatasetExplorer.h"

#include "DatasetPanel.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "TimelinePanel.h"
#include "TransformPanel.h"
#include "groups/Group.h"
#include "models/Model.h"
#include "models/ModelRegistry.h"
#include "scan/ScanUnit.h"
#include "scan/ScanUnits.h"

#include <QDir>
#include <QFileInfo>
#include <QTableWidget>

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

} // namespace

DatasetExplorer::DatasetExplorer(MainWindow& window, views::DatasetPanel* panel)
    : QObject(&window), window_(window), panel_(panel) {
    connect(panel_, &views::DatasetPanel::unitRequested, this,
            [this](qint64 unit, const QString& group) { openUnit(unit, group); });
    connect(&window_, &MainWindow::datasetShown, this, [this] {
        if (pending_) showPending();
    });
}

bool DatasetExplorer::openResults(const QString& path) {
    try {
        panel_->setResults(readScanFile(path.toStdString()), path);
    } catch (const std::exception& e) {
        window_.setStatus(tr("Cannot open the scan results: %1").arg(e.what()));
        return false;
    }
    resultsPath_ = path;
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
