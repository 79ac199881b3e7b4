#include "io/BuiltinReaders.h"

namespace equiscope {

void registerPointCloudReaders(FormatRegistry& registry) {
    registry.add(makePlyReader());
    registry.add(makeOffReader());
    registry.add(makePcdReader());
    registry.add(makeNpyReader());
    registry.add(makeNpzReader());
    registry.add(makeXyzReader());
}

} // namespace equiscope
