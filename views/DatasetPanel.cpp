#include "DatasetPanel.h"

#include "ChartStyle.h"
#include "scan/ScanSummary.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <map>

namespace equiscope::views {

namespace {

constexpr int kGroupColumn0 = 3; // unit, name, status, then mean and max per group

// QTableWidgetItem sorts by the display text once setText ran: sort by the number instead.
class NumberItem : public QTableWidgetItem {
  public:
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QTableWidgetItem* sortedNumber(double value, bool scientific) {
    auto* item = new NumberItem;
    item->setData(Qt::UserRole, value);
    item->setText(scientific ? QString::number(value, 'e', 2) : QString::number(value, 'f', 0));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    summary_ = new QLabel(tr("File ▸ Open Scan Results… shows the rows of an "
                             "<tt>equiscope-cli scan --out FILE</tt> here."),
                          this);
    summary_->setWordWrap(true);
    auto* controls = new QHBoxLayout; // the summary and the scan's controls on one line
    controls->addWidget(summary_, 1);
    scan_ = new QPushButton(tr("Scan open data"), this);
    scan_->setToolTip(tr("Every graph or frame of the open data, with the shown model, under "
                         "the Transform dock's group"));
    samples_ = new QSpinBox(this);
    samples_->setRange(1, 1000);
    samples_->setValue(8);
    samples_->setSuffix(tr(" elements"));
    samples_->setToolTip(tr("Group elements per unit (seed 0)"));
    progress_ = new QProgressBar(this);
    progress_->setFormat(tr("%v of %m units"));
    progress_->hide();
    stop_ = new QPushButton(tr("Stop"), this);
    stop_->setToolTip(tr("Stop the scan; the units done are kept"));
    stop_->hide();
    save_ = new QPushButton(tr("Save…"), this);
    save_->setToolTip(tr("Write the rows as a results file (CSV, or JSON lines for .jsonl)"));
    save_->setEnabled(false);
    for (QWidget* w : std::initializer_list<QWidget*>{scan_, samples_, progress_, stop_, save_})
        controls->addWidget(w);
    layout->addLayout(controls);
    connect(scan_, &QPushButton::clicked, this, &DatasetPanel::scanRequested);
    connect(stop_, &QPushButton::clicked, this, &DatasetPanel::stopRequested);
    connect(save_, &QPushButton::clicked, this, &DatasetPanel::saveRequested);
    auto* split = new QSplitter(Qt::Horizontal, this);
    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->setSortingEnabled(true);
    table_->setMinimumWidth(360);
    table_->setToolTip(tr("Click a row: its unit opens in the viewport with the element that gave "
                          "its max error (of the clicked group's columns) in the Transform dock."));
    split->addWidget(table_);
    histogram_ = new QChartView(this);
    histogram_->setRenderHint(QPainter::Antialiasing);
    histogram_->setMinimumSize(300, 180);
    split->addWidget(histogram_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(table_, &QTableWidget::cellClicked, this, [this](int row, int column) {
        const auto& groups = results_.settings.groups;
        const int g = (column - kGroupColumn0) / 2;
        const QString group = QString::fromStdString(
            column >= kGroupColumn0 && g < static_cast<int>(groups.size()) ? groups[g]
                                                                           : groups.front());
        Q_EMIT unitRequested(unitAtRow(row), group);
    });
}

void DatasetPanel::setResults(const ScanFile& results, const QString& path) {
    results_ = results;
    const ScanSettings& s = results_.settings;
    // One or two lines, so the table and histogram keep the dock's height; the paths whole
    // in the tooltip.
    summary_->setText(tr("<b>%1</b>: %2 on %3, %4 units, %5 elements (seed %6), %7")
                          .arg(QFileInfo(path).fileName(), QString::fromStdString(s.model),
                               QFileInfo(QString::fromStdString(s.data)).fileName())
                          .arg(s.units)
                          .arg(s.samples)
                          .arg(s.seed)
                          .arg(QString::fromStdString(s.dtype)));
    summary_->setToolTip(tr("%1\ndata: %2\nClick a row to open its unit with the element of its "
                            "max error.")
                             .arg(path, QString::fromStdString(s.data)));
    redraw();
    save_->setEnabled(true);
}

void DatasetPanel::startScan(const ScanSettings& settings) {
    results_ = ScanFile{settings, {}, false};
    scanning_ = true;
    summary_->setText(tr("Scanning %1 with %2 under %3…")
                          .arg(QString::fromStdString(settings.data),
                               QString::fromStdString(settings.model),
                               QString::fromStdString(settings.groups.front())));
    setProgress(0, settings.units);
    for (QWidget* w : std::initializer_list<QWidget*>{progress_, stop_}) w->show();
    scan_->setEnabled(false);
    save_->setEnabled(false);
    redraw();
    redrawEvery_ = 300;
    sinceRedraw_.start();
}

void DatasetPanel::appendRows(const std::vector<ScanRow>& rows) {
    results_.rows.insert(results_.rows.end(), rows.begin(), rows.end());
    if (sinceRedraw_.elapsed() < redrawEvery_) return;
    // Redrawing rebuilds the table: with many rows the GUI thread gets at most a tenth of
    // the time for it, the rest stays with the user.
    QElapsedTimer took;
    took.start();
    redraw();
    redrawEvery_ = std::max<qint64>(300, 10 * took.elapsed());
    sinceRedraw_.restart();
}

void DatasetPanel::setProgress(int64_t done, int64_t total) {
    progress_->setRange(0, static_cast<int>(total));
    progress_->setValue(static_cast<int>(done));
}

void DatasetPanel::finishScan(const QString& state) {
    scanning_ = false;
    const ScanSettings& s = results_.settings;
    summary_->setText(tr("%1 with %2 under %3, %4 elements each: %5")
                          .arg(QString::fromStdString(s.data), QString::fromStdString(s.model),
                               QString::fromStdString(s.groups.front()))
                          .arg(s.samples)
                          .arg(state));
    for (QWidget* w : std::initializer_list<QWidget*>{progress_, stop_}) w->hide();
    scan_->setEnabled(true);
    save_->setEnabled(!results_.rows.empty());
    redraw();
}

int DatasetPanel::samples() const {
    return samples_->value();
}

void DatasetPanel::redraw() {
    fillTable();
    drawHistogram();
}

std::vector<ScanRow> DatasetPanel::rowsOf(int64_t unit) const {
    std::vector<ScanRow> out;
    for (const ScanRow& r : results_.rows)
        if (r.unit == unit) out.push_back(r);
    return out;
}

int64_t DatasetPanel::unitAtRow(int row) const {
    const QTableWidgetItem* item = table_->item(row, 0);
    return item ? static_cast<int64_t>(item->data(Qt::UserRole).toLongLong()) : -1;
}

void DatasetPanel::fillTable() {
    const auto& groups = results_.settings.groups;
    std::map<int64_t, std::vector<const ScanRow*>> byUnit;
    for (const ScanRow& r : results_.rows) byUnit[r.unit].push_back(&r);
    QStringList headers = {tr("unit"), tr("name"), tr("status")};
    for (const std::string& g : groups)
        headers << tr("%1 mean error").arg(QString::fromStdString(g))
                << tr("%1 max error").arg(QString::fromStdString(g));
    table_->setSortingEnabled(false);
    table_->clear();
    table_->setColumnCount(headers.size());
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(byUnit.size()));
    int row = 0;
    for (const auto& [unit, rows] : byUnit) {
        table_->setItem(row, 0, sortedNumber(static_cast<double>(unit), false));
        table_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(rows.front()->name)));
        QString status = tr("ok");
        for (const ScanRow* r : rows)
            if (!r->ok) status = QString::fromStdString(r->error);
        table_->setItem(row, 2, new QTableWidgetItem(status));
        for (const ScanRow* r : rows) {
            const auto g = std::find(groups.begin(), groups.end(), r->group) - groups.begin();
            if (g >= static_cast<long>(groups.size())) continue;
            table_->setItem(row, kGroupColumn0 + 2 * static_cast<int>(g),
                            sortedNumber(r->meanError, true));
            table_->setItem(row, kGroupColumn0 + 2 * static_cast<int>(g) + 1,
                            sortedNumber(r->maxError, true));
        }
        ++row;
    }
    table_->setSortingEnabled(true);
    table_->sortByColumn(kGroupColumn0, Qt::DescendingOrder); // worst first
    table_->resizeColumnsToContents();
}

void DatasetPanel::drawHistogram() {
    const auto summaries = summarizeScan(results_.rows, results_.settings.groups);
    bool any = false;
    int lo = 0, hi = 0; // the decades any group has units in
    for (const GroupScanSummary& s : summaries) {
        if (s.decades.empty()) continue;
        const int last = s.firstDecade + static_cast<int>(s.decades.size()) - 1;
        lo = any ? std::min(lo, s.firstDecade) : s.firstDecade;
        hi = any ? std::max(hi, last) : last;
        any = true;
    }
    QChart* chart = freshChart(
        histogram_, summaries.size() == 1 ? tr("Units per decade of mean error, %1")
                                                .arg(QString::fromStdString(summaries[0].group))
                                          : tr("Units per decade of mean error"));
    counts_.clear();
    if (!any) return;
    QStringList decades;
    for (int d = lo; d <= hi; ++d) decades << QStringLiteral("1e%1 – 1e%2").arg(d).arg(d + 1);
    auto* series = new QBarSeries;
    int64_t most = 1;
    for (const GroupScanSummary& s : summaries) {
        auto* set = new QBarSet(QString::fromStdString(s.group));
        std::vector<int64_t> counts;
        for (int d = lo; d <= hi; ++d) {
            const int k = d - s.firstDecade;
            const int64_t c = k >= 0 && k < static_cast<int>(s.decades.size()) ? s.decades[k] : 0;
            counts.push_back(c);
            most = std::max(most, c);
            *set << static_cast<double>(c);
        }
        counts_.push_back(counts);
        series->append(set);
    }
    chart->addSeries(series);
    chart->legend()->setVisible(summaries.size() > 1); // one group: the title says it
    auto* x = new QBarCategoryAxis;
    x->append(decades);
    x->setTitleVisible(false); // the chart's title says what the categories are: it keeps the
                               // plot's height in a low dock
    auto* y = new QValueAxis;
    y->setTitleText(tr("units"));
    y->setLabelFormat("%d");
    y->setRange(0, static_cast<double>(most));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace equiscope::views
