#pragma once
// What every front end calls to open data: a file path, "demo" for the built-in scene, or
// one of its shapes alone: "demo:sphere", "demo:torus", "demo:box", "demo:composite"; or
// "parts" / "parts:SEED", a synthetic multi-object scene with ground-truth parts; or
// "shapes:SPLIT[:SEED]", a split of the shape-classification task (scene/Shapes.h).

#include "data/Sample.h"
#include "util/Progress.h"

#include <string>

namespace equiscope {

Dataset loadDataset(const std::string& pathOrDemo, const Progress& progress = {});

// Ground-truth parts from a file's labels: a per-node categorical or integer field named
// part, parts, segment or instance becomes Sample::parts when the reader set none.
// Labels that are not whole numbers in int32's range are a FormatError naming `path`.
void adoptPartLabels(Sample& sample, const std::string& path = "the sample");

} // namespace equiscope
