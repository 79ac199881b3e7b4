#include "InspectorPanel.h"

#include <QHeaderView>
#include <QStringList>

namespace equiscope::views {

InspectorPanel::InspectorPanel(QWidget* parent) : QTableWidget(parent) {
    setColumnCount(2);
    setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    showNode(nullptr, -1);
}

void InspectorPanel::showNode(const Sample* sample, int64_t node,
                              const std::vector<std::pair<QString, QString>>& extra) {
    node_ = sample && node >= 0 && node < sample->nodeCount() ? node : -1;
    clearContents();
    if (node_ < 0) {
        setRowCount(1);
        setItem(0, 0, new QTableWidgetItem(tr("node")));
        setItem(0, 1, new QTableWidgetItem(tr("click a point to inspect it")));
        return;
    }
    setRowCount(1);
    setItem(0, 0, new QTableWidgetItem(tr("node")));
    setItem(0, 1, new QTableWidgetItem(QString::number(node_)));
    for (const Field& f : sample->fields) {
        if (f.shape.size() != 2 || f.rows() != sample->nodeCount()) continue;
        QStringList parts;
        for (int64_t k = 0; k < f.width(); ++k) parts << QString::number(f.at(node_, k), 'g', 8);
        const int r = rowCount();
        setRowCount(r + 1);
        auto* name = new QTableWidgetItem(QString::fromStdString(f.name));
        name->setToolTip(QString::fromUtf8(fieldTypeName(f.type).data()));
        setItem(r, 0, name);
        setItem(r, 1, new QTableWidgetItem(parts.join(QStringLiteral(", "))));
    }
    for (const auto& [label, value] : extra) {
        const int r = rowCount();
        setRowCount(r + 1);
        setItem(r, 0, new QTableWidgetItem(label));
        setItem(r, 1, new QTableWidgetItem(value));
    }
}

} // namespace equiscope::views
