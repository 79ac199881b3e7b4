#include "PermutationLayer.h"

#include <algorithm>
#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

namespace equiscope::views {

PermutationLayer::PermutationLayer(vtkRenderer* renderer) : renderer_(renderer) {
    mapper_->SetInputData(lines_);
    mapper_->SetColorModeToDirectScalars();
    actor_->SetMapper(mapper_);
    actor_->GetProperty()->SetLineWidth(1.5);
    actor_->PickableOff();
    actor_->VisibilityOff();
    renderer_->AddActor(actor_);
}

PermutationLayer::~PermutationLayer() {
    renderer_->RemoveActor(actor_);
}

void PermutationLayer::hide() {
    actor_->VisibilityOff();
}

int64_t PermutationLayer::lines() const {
    return actor_->GetVisibility() ? static_cast<int64_t>(lines_->GetNumberOfLines()) : 0;
}

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
    lines_->Initialize();
    lines_->SetPoints(points);
    lines_->SetLines(cells);
    lines_->GetPointData()->SetScalars(colours);
    actor_->SetVisibility(cells->GetNumberOfCells() > 0);
}

} // namespace equiscope::views
