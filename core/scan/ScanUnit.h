#pragma once
// One unit of a dataset scan: its equivariance error under each group, as `check` computes
// it, with the node and the element where the model breaks the most. A unit that cannot be
// read or evaluated gives rows that carry the error instead; the scan goes on.

#include "groups/Group.h"
#include "metrics/Equivariance.h"
#include "models/Model.h"
#include "scan/ScanRecord.h"
#include "scan/ScanUnits.h"

#include <memory>
#include <vector>

namespace equiscope {

// One row per group, in the order of `groups`.
std::vector<ScanRow> scanUnit(Model& model, const ScanUnits& units, int64_t unit,
                              const std::vector<std::unique_ptr<Group>>& groups,
                              const std::vector<std::string>& groupNames,
                              const EvaluationOptions& options);

// The element a row records (its max error's): matrix, translation and time shift. A
// permutation is not recorded (it is replayed from the seed and the row's max_element).
GroupElement scanElement(const ScanRow& row);

} // namespace equiscope
