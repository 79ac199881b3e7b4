#include "io/LoadDataset.h"

#include "io/FormatRegistry.h"
#include "scene/DemoScene.h"

namespace equiscope {

Dataset loadDataset(const std::string& pathOrDemo, const Progress& progress) {
    if (pathOrDemo == "demo") return makeDemoDataset();
    const std::pair<const char*, DemoShape> shapes[] = {{"demo:sphere", DemoShape::Sphere},
                                                        {"demo:torus", DemoShape::Torus},
                                                        {"demo:box", DemoShape::Box},
                                                        {"demo:composite", DemoShape::Composite}};
    for (const auto& [name, shape] : shapes)
        if (pathOrDemo == name) {
            Dataset d = Dataset::of(sampleShape(shape, 4000, 7));
            d.source = d.format = name;
            return d;
        }
    return FormatRegistry::builtin().read(pathOrDemo, progress);
}

} // namespace equiscope
