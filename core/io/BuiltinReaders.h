#pragma once
// Factories of the built-in readers; FormatRegistry registers them.

#include "io/FormatRegistry.h"

#include <memory>

namespace equiscope {

std::unique_ptr<FormatReader> makePlyReader();
std::unique_ptr<FormatReader> makeOffReader();
std::unique_ptr<FormatReader> makeXyzReader();
std::unique_ptr<FormatReader> makePcdReader();
std::unique_ptr<FormatReader> makeNpyReader();
std::unique_ptr<FormatReader> makeNpzReader();
std::unique_ptr<FormatReader> makeExtXyzReader();
std::unique_ptr<FormatReader> makeBvhReader();
std::unique_ptr<FormatReader> makeTuReader();
std::unique_ptr<FormatReader> makeEdgeListReader();
std::unique_ptr<FormatReader> makeGraphMlReader();

} // namespace equiscope
