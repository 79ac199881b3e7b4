#pragma once
// What every front end calls to open data: a file path, or "demo" for the built-in scene.

#include "data/Sample.h"
#include "util/Progress.h"

#include <string>

namespace equiscope {

Dataset loadDataset(const std::string& pathOrDemo, const Progress& progress = {});

} // namespace equiscope
