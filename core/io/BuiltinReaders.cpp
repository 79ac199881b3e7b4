#include "io/BuiltinReaders.h"

namespace equiscope {

void registerBuiltinReaders(FormatRegistry& registry) {
    registry.add(makePlyReader());
    registry.add(makeOffReader());
    registry.add(makePcdReader());
    registry.add(makeNpyReader());
    registry.add(makeNpzReader());
    registry.add(makeXyzReader());
    registry.add(makeBvhReader());
    registry.add(makeTuReader());
    registry.add(makeEdgeListReader());
    registry.add(makeGraphMlReader());
    registry.add(makeExtXyzReader()); // after XYZ: a tie on ".xyz" alone goes to point clouds
}

} // namespace equiscope
