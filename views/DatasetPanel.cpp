#include "DatasetPanel.h"

#include "ChartStyle.h"
#include "scan/ScanSummary.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
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
    layout->addWidget(summary_);
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
    histogram_->setMinimumSize(300, 200);
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
    summary_->setText(tr("<b>%1</b>: %2 on %3, %4 units, %5 elements each (seed %6), %7; click "
                         "a row to open its unit")
                          .arg(QFileInfo(path).fileName(), QString::fromStdString(s.model),
                               QString::fromStdString(s.data))
                          .arg(s.units)
                          .arg(s.samples)
                          .arg(s.seed)
                          .arg(QString::fromStdString(s.dtype)));
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
        histogram_,
        summaries.size() == 1
            ? tr("Units by mean error under %1").arg(QString::fromStdString(summaries[0].group))
            : tr("Units by mean error"));
    counts_.clear();
    if (!any) return;
    QStringList decades;
    for (int d = lo; d <= hi; ++d) decades << QStringLiteral("1e%1").arg(d);
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
    x->setTitleText(tr("mean error, by decade"));
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
