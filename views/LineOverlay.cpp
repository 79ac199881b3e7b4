#include "LineOverlay.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace equiscope::views {

LineOverlay::LineOverlay(vtkRenderer* renderer, double lineWidth) : renderer_(renderer) {
    mapper_->SetInputData(data_);
    mapper_->SetColorModeToDirectScalars();
    actor_->SetMapper(mapper_);
    actor_->GetProperty()->SetLineWidth(static_cast<float>(lineWidth));
    actor_->PickableOff();
    actor_->VisibilityOff();
    renderer_->AddActor(actor_);
}

LineOverlay::~LineOverlay() {
    renderer_->RemoveActor(actor_);
}

void LineOverlay::show(vtkPoints* points, vtkCellArray* lines, vtkDataArray* colours) {
    data_->Initialize();
    data_->SetPoints(points);
    data_->SetLines(lines);
    data_->GetPointData()->SetScalars(colours);
    actor_->SetVisibility(lines->GetNumberOfCells() > 0);
}

void LineOverlay::hide() {
    actor_->VisibilityOff();
}

int64_t LineOverlay::lines() const {
    return actor_->GetVisibility() ? static_cast<int64_t>(data_->GetNumberOfLines()) : 0;
}

} // namespace equiscope::views
