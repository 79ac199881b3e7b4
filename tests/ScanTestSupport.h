#pragma once
// Comparing two scans' results: the same rows in the same order with the same numbers (the
// time each took aside).

#include "scan/ScanRecord.h"

#include <QString>
#include <vector>

namespace equiscope::test {

// True when equal; otherwise `why` names the first row and field that differ.
inline bool sameScanRows(const std::vector<ScanRow>& a, const std::vector<ScanRow>& b,
                         QString& why) {
    if (a.size() != b.size()) {
        why = QString("%1 rows against %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const ScanRow &x = a[i], &y = b[i];
        const bool same = x.unit == y.unit && x.name == y.name && x.group == y.group &&
                          x.ok == y.ok && x.nodes == y.nodes && x.meanError == y.meanError &&
                          x.maxError == y.maxError && x.worstNode == y.worstNode &&
                          x.maxElement == y.maxElement && x.element == y.element &&
                          x.error == y.error;
        if (!same) {
            why = QString("row %1 (unit %2 %3, %4): mean %5 vs %6, max %7 vs %8")
                      .arg(i)
                      .arg(x.unit)
                      .arg(QString::fromStdString(x.name), QString::fromStdString(x.group))
                      .arg(x.meanError, 0, 'g', 17)
                      .arg(y.meanError, 0, 'g', 17)
                      .arg(x.maxError, 0, 'g', 17)
                      .arg(y.maxError, 0, 'g', 17);
            return false;
        }
    }
    return true;
}

} // namespace equiscope::test
