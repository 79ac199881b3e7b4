#pragma once
// The colour quantities a sample's own fields offer: each scalar, each component and the
// length of vectors, file colours as RGB, categorical labels (species in the colours
// chemists expect), and one solid colour. Best default first: what the data is about
// (species, node labels, body segments, parts), then fields that vary over the nodes;
// per-frame constants such as `time` come last.

#include "ColorQuantity.h"
#include "data/Sample.h"

#include <memory>

namespace equiscope::views {

std::vector<ColorQuantity> dataQuantities(std::shared_ptr<const Sample> sample);

// Jmol / CPK colour of a chemical element symbol ("C", "Cl"); grey-pink when unknown.
std::array<double, 3> elementColor(const std::string& symbol);
// Van der Waals radius of an element (Bondi; Å), 1.7 Å when unknown.
double elementRadius(const std::string& symbol);

} // namespace equiscope::views
