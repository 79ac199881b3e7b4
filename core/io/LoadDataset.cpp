#include "io/LoadDataset.h"

#include "io/FormatRegistry.h"
#include "scene/DemoScene.h"
#include "scene/MultiPartScene.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <cstdlib>

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
    if (pathOrDemo == "parts" || pathOrDemo.rfind("parts:", 0) == 0) {
        uint64_t seed = 1;
        if (pathOrDemo != "parts") {
            char* end = nullptr;
            seed = std::strtoull(pathOrDemo.c_str() + 6, &end, 10);
            if (*end != '\0' || end == pathOrDemo.c_str() + 6 || pathOrDemo[6] == '-')
                throw Error("'" + pathOrDemo + "': expected parts or parts:SEED (a whole number)");
        }
        Dataset d = Dataset::of(makeMultiPartScene({}, seed));
        d.source = d.format = pathOrDemo;
        return d;
    }
    if (pathOrDemo.rfind("shapes:", 0) == 0) return loadShapesSpec(pathOrDemo);
    Dataset d = FormatRegistry::builtin().read(pathOrDemo, progress);
    for (Sample& s : d.samples) adoptPartLabels(s, pathOrDemo);
    return d;
}

} // namespace equiscope
