#include "PermutationLayer.h"

#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkUnsignedCharArray.h>

namespace equiscope::views {

void PermutationLayer::show(const std::vector<double>& positions,
                            const std::vector<int64_t>& source) {
    const auto n = static_cast<int64_t>(source.size());
    if (n == 0 || static_cast<int64_t>(positions.size()) != 3 * n) {
        hide();
        return;
    }
    const int64_t stride = (n + kMaxLines - 1) / kMaxLines; // at most kMaxLines
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> cells;
    vtkNew<vtkUnsignedCharArray> colours;
    colours->SetNumberOfComponents(3);
    for (int64_t i = 0; i < n; i += stride) {
        const int64_t from = source[static_cast<std::size_t>(i)];
        if (from == i || from < 0 || from >= n) continue; // a node that stayed
        const vtkIdType a = points->InsertNextPoint(&positions[static_cast<std::size_t>(from * 3)]);
        const vtkIdType b = points->InsertNextPoint(&positions[static_cast<std::size_t>(i * 3)]);
        colours->InsertNextTuple3(255, 255, 255);
        colours->InsertNextTuple3(255, 170, 0);
        const vtkIdType ids[2] = {a, b};
        cells->InsertNextCell(2, ids);
    }
    overlay_.show(points, cells, colours);
}

} // namespace equiscope::views
