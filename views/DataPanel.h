#pragma once
// The data dock: file, format, kind, counts, fields with their types, bounds, centroid.

#include "data/Summary.h"

#include <QTreeWidget>

namespace equiscope::views {

class DataPanel : public QTreeWidget {
    Q_OBJECT
  public:
    explicit DataPanel(QWidget* parent = nullptr);
    void showDataset(const Dataset& dataset, const DatasetSummary& summary);
    QString valueOf(const QString& key) const; // text in the value column, for tests
};

} // namespace equiscope::views
