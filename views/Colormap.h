#pragma once
// Perceptual colormaps (viridis default) and a categorical palette as VTK lookup tables.

#include <QStringList>
#include <array>
#include <cstdint>
#include <vector>
#include <vtkSmartPointer.h>

class vtkLookupTable;

namespace equiscope::views {

QStringList colormapNames();                                        // viridis first
std::array<double, 3> colormapColor(const QString& name, double t); // t in [0, 1]

// 256-entry table over [lo, hi]; NaN values are drawn grey.
vtkSmartPointer<vtkLookupTable> makeLookupTable(const QString& name, double lo, double hi);

// Indexed table: one tab10 colour per category value, annotated with the value.
vtkSmartPointer<vtkLookupTable> makeCategoricalTable(const std::vector<int64_t>& categories);

} // namespace equiscope::views
