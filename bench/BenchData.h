#pragma once
// Inputs the benchmarks share.

#include "data/Sample.h"
#include "scene/DemoScene.h"

#include <algorithm>
#include <memory>

namespace equiscope::bench {

// The first n points of the demo figure (all of them when it has fewer), positions only.
inline std::shared_ptr<const Sample> firstDemoPoints(int64_t n) {
    const Sample demo = makeDemoDataset().samples.front();
    const Field& p = demo.positions();
    n = std::min(n, p.rows());
    Sample s;
    s.setField(Field::perNode("pos", FieldType::Position, n, 3,
                              std::vector<double>(p.values.begin(), p.values.begin() + n * 3)));
    return std::make_shared<const Sample>(std::move(s));
}

} // namespace equiscope::bench
