#include "DataPanel.h"

#include <QFileInfo>
#include <QHeaderView>

namespace equiscope::views {

namespace {
QString triple(const std::array<double, 3>& v) {
    return QStringLiteral("%1, %2, %3")
        .arg(v[0], 0, 'g', 7)
        .arg(v[1], 0, 'g', 7)
        .arg(v[2], 0, 'g', 7);
}
} // namespace

DataPanel::DataPanel(QWidget* parent) : QTreeWidget(parent) {
    setColumnCount(2);
    setHeaderLabels({tr("Property"), tr("Value")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setRootIsDecorated(true);
    setAlternatingRowColors(true);
}

void DataPanel::showDataset(const Dataset& d, const DatasetSummary& s) {
    clear();
    auto row = [this](const QString& key, const QString& value) {
        auto* item = new QTreeWidgetItem(this, {key, value});
        item->setToolTip(1, value);
        return item;
    };
    row(tr("File"), QFileInfo(QString::fromStdString(d.source)).fileName())
        ->setToolTip(1, QString::fromStdString(d.source));
    row(tr("Format"), QString::fromStdString(d.format));
    row(tr("Kind"), QString::fromUtf8(sampleKindName(s.kind).data()));
    row(tr("Nodes"), QString::number(s.nodes));
    row(tr("Faces"), QString::number(s.faces));
    row(tr("Edges"), QString::number(s.edges));
    row(tr("Frames"), QString::number(s.frames));
    if (s.graphs > 0) row(tr("Graphs"), QString::number(s.graphs));
    auto* fields = row(tr("Fields"), QString::number(s.fields.size()));
    for (const auto& f : s.fields)
        new QTreeWidgetItem(fields, {QString::fromStdString(f.name),
                                     QStringLiteral("%1 × %2")
                                         .arg(QString::fromUtf8(fieldTypeName(f.type).data()))
                                         .arg(f.width)});
    fields->setExpanded(true);
    row(tr("Bounds min"), triple(s.bboxMin));
    row(tr("Bounds max"), triple(s.bboxMax));
    row(tr("Centroid"), triple(s.centroid));
    auto* nonFinite = row(tr("NaN/Inf points"), QString::number(s.nonFinitePositions));
    if (s.nonFinitePositions > 0) nonFinite->setForeground(1, QBrush(Qt::red));
}

QString DataPanel::valueOf(const QString& key) const {
    const auto items = findItems(key, Qt::MatchExactly, 0);
    return items.isEmpty() ? QString() : items.front()->text(1);
}

} // namespace equiscope::views
