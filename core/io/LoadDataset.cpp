#include "io/LoadDataset.h"

#include "io/FormatRegistry.h"
#include "scene/DemoScene.h"

namespace equiscope {

Dataset loadDataset(const std::string& pathOrDemo, const Progress& progress) {
    if (pathOrDemo == "demo") return makeDemoDataset();
    return FormatRegistry::builtin().read(pathOrDemo, progress);
}

} // namespace equiscope
