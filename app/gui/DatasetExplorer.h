#pragma once
// Drives the Dataset dock (issue 18): File ▸ Open Scan Results… reads a results file into
// the dock; a click on a unit opens it in the viewport (the scan's file, or its graph or
// frame of the scan's dataset), applies the scan's model when another one is shown, and sets
// the Transform dock to the element that gave the unit's max error, so that the live error
// colours show where the model breaks.

#include "scan/ScanRecord.h"

#include <QObject>
#include <QString>
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

    // Reads `path` into the dock; false (with the reason in the status bar) when it is not
    // a scan's results file.
    bool openResults(const QString& path);
    // Opens `unit` with the element of its max error under `group`.
    void openUnit(int64_t unit, const QString& group);
    // The unit at the top of the dock's table (worst first unless the user sorted).
    void openWorst();

  Q_SIGNALS:
    void unitShown(qint64 unit); // after its data, frame and element are in place

  private:
    struct Pending {
        ScanRow row;
    };
    void showPending();
    QString dataPath(const std::string& data) const; // relative: to the results' folder too

    MainWindow& window_;
    views::DatasetPanel* panel_;
    QString resultsPath_;
    std::optional<Pending> pending_;
};

} // namespace equiscope::gui
