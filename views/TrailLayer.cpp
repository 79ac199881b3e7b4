#include "TrailLayer.h"

#include <algorithm>
#include <vtkCellArray.h>
#include <vtkDoubleArray.h>
#include <vtkPoints.h>
#include <vtkUnsignedCharArray.h>

namespace equiscope::views {

void TrailLayer::setLength(int frames) {
    length_ = std::max(2, frames);
}

void TrailLayer::show(const Sample& trajectory, int64_t frame) {
    const Field* pos = trajectory.find(Sample::kPositions);
    if (!pos || pos->shape.size() != 3 || frame < 1) {
        hide();
        return;
    }
    const int64_t n = pos->shape[1];
    frame = std::min(frame, pos->shape[0] - 1);
    const int64_t first = std::max<int64_t>(0, frame - length_ + 1), len = frame - first + 1;
    vtkNew<vtkDoubleArray> coords;
    coords->SetNumberOfComponents(3);
    coords->SetNumberOfTuples(n * len);
    vtkNew<vtkUnsignedCharArray> rgba;
    rgba->SetNumberOfComponents(4);
    rgba->SetNumberOfTuples(n * len);
    vtkNew<vtkCellArray> lines;
    for (int64_t i = 0; i < n; ++i) {
        lines->InsertNextCell(static_cast<vtkIdType>(len));
        for (int64_t k = 0; k < len; ++k) {
            const vtkIdType id = static_cast<vtkIdType>(i * len + k);
            const double* p = &pos->values[static_cast<std::size_t>(((first + k) * n + i) * 3)];
            coords->SetTuple3(id, p[0], p[1], p[2]);
            // Light grey-blue, fading to transparent at the oldest position.
            const auto alpha = static_cast<unsigned char>(230.0 * (k + 1) / len);
            rgba->SetTuple4(id, 170, 190, 230, alpha);
            lines->InsertCellPoint(id);
        }
    }
    vtkNew<vtkPoints> points;
    points->SetData(coords);
    overlay_.show(points, lines, rgba);
}

} // namespace equiscope::views
