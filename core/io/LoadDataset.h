#pragma once
// What every front end calls to open data: a file path, "demo" for the built-in scene, or
// one of its shapes alone: "demo:sphere", "demo:torus", "demo:box", "demo:composite".

#include "data/Sample.h"
#include "util/Progress.h"

#include <string>

namespace equiscope {

Dataset loadDataset(const std::string& pathOrDemo, const Progress& progress = {});

} // namespace equiscope
