#pragma once
// The inspector dock: the picked node's index and every field's values there.

#include "data/Sample.h"

#include <QTableWidget>
#include <utility>
#include <vector>

namespace equiscope::views {

class InspectorPanel : public QTableWidget {
    Q_OBJECT
  public:
    explicit InspectorPanel(QWidget* parent = nullptr);
    // node < 0 clears; `extra` rows (label, value) follow the node's fields.
    void showNode(const Sample* sample, int64_t node,
                  const std::vector<std::pair<QString, QString>>& extra = {});
    int64_t node() const { return node_; }

  private:
    int64_t node_ = -1;
};

} // namespace equiscope::views
