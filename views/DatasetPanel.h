#pragma once
// The Dataset dock (issue 18): a scan's results (equiscope-cli scan --out FILE) as a table of
// units with their mean and max error per group, sortable by any column and sorted worst
// first, and a histogram of the units' mean errors by decade (log x), one bar set per group.
// Clicking a row asks for that unit to be opened with the element that gave its max error.
// Its buttons scan the open data with the shown model (rows drawn as they arrive, a progress
// bar, Stop keeps what was computed) and save the rows as a results file.

#include "scan/ScanRecord.h"

#include <QElapsedTimer>
#include <QWidget>
#include <vector>

class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace equiscope::views {

class DatasetPanel : public QWidget {
    Q_OBJECT
  public:
    explicit DatasetPanel(QWidget* parent = nullptr);

    void setResults(const ScanFile& results, const QString& path);
    // A scan run from the app: rows come with appendRows, the progress with setProgress.
    void startScan(const ScanSettings& settings);
    // Redrawn at most a few times a second, and less often when a redraw itself takes long.
    void appendRows(const std::vector<ScanRow>& rows);
    void setProgress(int64_t done, int64_t total);
    void finishScan(const QString& state); // the table and histogram complete; state shown
    bool scanning() const { return scanning_; }
    int samples() const; // elements per unit for a scan from the app
    const ScanFile& results() const { return results_; }
    // The rows of `unit` (one per group), empty when it is not in the results.
    std::vector<ScanRow> rowsOf(int64_t unit) const;

    QTableWidget* table() const { return table_; }
    int64_t unitAtRow(int row) const; // as the table is sorted now
    // Units per decade for each group's bar set, in the histogram's order (for tests).
    std::vector<std::vector<int64_t>> histogramCounts() const { return counts_; }
    QChartView* histogram() const { return histogram_; }

  Q_SIGNALS:
    void scanRequested();
    void stopRequested();
    void saveRequested();
    // The unit of a clicked row, and the group of the clicked column (the first group when
    // the column is not a group's).
    void unitRequested(qint64 unit, const QString& group);

  private:
    void fillTable();
    void drawHistogram();
    void redraw();

    ScanFile results_;
    QLabel* summary_ = nullptr;
    QPushButton* scan_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* save_ = nullptr;
    QSpinBox* samples_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QElapsedTimer sinceRedraw_;
    qint64 redrawEvery_ = 300; // ms between redraws while rows arrive
    bool scanning_ = false;
    QTableWidget* table_ = nullptr;
    QChartView* histogram_ = nullptr;
    std::vector<std::vector<int64_t>> counts_;
};

} // namespace equiscope::views
