#pragma once
// Perceptual colormaps (viridis default) and a categorical palette as VTK lookup tables.

#include <QStringList>
#include <array>
#include <cstdint>
#include <string>
#include <vector>
#include <vtkSmartPointer.h>

class vtkLookupTable;
class vtkScalarBarActor;

namespace equiscope::views {

QStringList colormapNames();                                        // viridis first
std::array<double, 3> colormapColor(const QString& name, double t); // t in [0, 1]

// 256-entry table over [lo, hi]; NaN values are drawn grey.
vtkSmartPointer<vtkLookupTable> makeLookupTable(const QString& name, double lo, double hi);

// Indexed table: one colour per category value (`palette[code]` when given, else tab10),
// annotated with the value. `names[code]`, when given, labels a code in the legend
// (species, graph labels); else the code itself.
vtkSmartPointer<vtkLookupTable>
makeCategoricalTable(const std::vector<int64_t>& categories,
                     const std::vector<std::string>& names = {},
                     const std::vector<std::array<double, 3>>& palette = {});

// The legend's look in the viewport's legend strip (every colour layer uses it).
void styleLegend(vtkScalarBarActor* legend);

} // namespace equiscope::views
