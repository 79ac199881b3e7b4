#pragma once
// What every front end calls to open data: a file path, or "demo" for the built-in scene.

#include <string>

#include "data/Sample.h"
#include "util/Progress.h"

namespace equiscope {

Dataset loadDataset(const std::string& pathOrDemo, const Progress& progress = {});

} // namespace equiscope
