#pragma once
// Drives the Dataset dock (issue 18): File ▸ Open Scan Results… reads a results file into
// the dock; a click on a unit opens it in the viewport (the scan's file, or its graph or
// frame of the scan's dataset), applies the scan's model when another one is shown, and sets
// the Transform dock to the element that gave the unit's max error, so that the live error
// colours show where the model breaks. "Scan open data" scans every graph or frame of the open
// data with the shown model under the Transform dock's group, off the GUI thread, drawing
// the rows as they arrive; Stop keeps them; Save writes them as a results file. A trajectory
// that is the scan's data shows the per-frame error as a strip under the timeline.

#include "scan/ScanRecord.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

namespace equiscope::views {
class DatasetPanel;
}

namespace equiscope::gui {

class MainWindow;

class DatasetExplorer : public QObject {
    Q_OBJECT
  public:
    DatasetExplorer(MainWindow& window, views::DatasetPanel* panel);
    ~DatasetExplorer() override; // stops a running scan and waits for it

    // Reads `path` into the dock; false (with the reason in the status bar) when it is not
    // a scan's results file.
    bool openResults(const QString& path);
    // Opens `unit` with the element of its max error under `group`.
    void openUnit(int64_t unit, const QString& group);
    // The unit at the top of the dock's table (worst first unless the user sorted).
    void openWorst();
    // Scans the open data with the shown model; false (status says why) when it cannot.
    bool runScan();
    void stopScan();
    bool scanRunning() const { return scan_.isRunning(); }
    // Writes the dock's rows through a temporary file; false (status says why) on failure.
    bool saveResults(const QString& path);

  Q_SIGNALS:
    void unitShown(qint64 unit); // after its data, frame and element are in place
    void scanFinished(const QString& state);

  private:
    struct Pending {
        ScanRow row;
    };
    void showPending();
    void updateStrip(); // the timeline's strip: the scan's errors of the shown sample
    QString dataPath(const std::string& data) const; // relative: to the results' folder too

    MainWindow& window_;
    views::DatasetPanel* panel_;
    QString resultsPath_;
    std::optional<Pending> pending_;
    QFuture<void> scan_;
    std::shared_ptr<std::atomic<bool>> stop_ = std::make_shared<std::atomic<bool>>(false);
    int stripSample_ = -1;
};

} // namespace equiscope::gui
