#include "AtomBalls.h"

#include "DataQuantities.h"

#include <vtkActor.h>
#include <vtkDoubleArray.h>
#include <vtkGlyph3DMapper.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

namespace equiscope::views {

namespace {
constexpr char kRadiusArray[] = "atom_radius";
constexpr double kBallFraction = 0.25; // of the van der Waals radius: bonds stay visible

const Field* elementField(const Sample& sample) {
    for (const char* name : {"species", "Z"}) {
        const Field* f = sample.find(name);
        if (f && f->type == FieldType::Categorical && f->width() == 1 && !f->categories.empty())
            return f;
    }
    return nullptr;
}
} // namespace

AtomBalls::AtomBalls(vtkRenderer* renderer, vtkPolyData* points)
    : renderer_(renderer), points_(points) {
    sphere_->SetRadius(1.0);
    sphere_->SetThetaResolution(20);
    sphere_->SetPhiResolution(14);
    mapper_->SetInputData(points_);
    mapper_->SetSourceConnection(sphere_->GetOutputPort());
    mapper_->SetScaleArray(kRadiusArray);
    mapper_->SetScaleModeToScaleByMagnitude();
    mapper_->ScalingOn();
    mapper_->SetScalarModeToUsePointData();
    actor_->SetMapper(mapper_);
    actor_->GetProperty()->SetColor(0.85, 0.85, 0.9);
    actor_->GetProperty()->SetSpecular(0.3);
    actor_->PickableOff(); // the structure's own actor picks
    actor_->VisibilityOff();
    renderer_->AddActor(actor_);
}

AtomBalls::~AtomBalls() {
    renderer_->RemoveActor(actor_);
}

bool AtomBalls::setSample(const Sample& sample) {
    radii_.clear();
    points_->GetPointData()->RemoveArray(kRadiusArray);
    const Field* elements = elementField(sample);
    const int64_t n = sample.nodeCount();
    if (elements && elements->rows() == n && n <= kMaxAtoms) {
        std::vector<double> byCategory;
        for (const std::string& symbol : elements->categories)
            byCategory.push_back(kBallFraction * elementRadius(symbol));
        for (int64_t i = 0; i < n; ++i) {
            const double c = elements->at(i, 0);
            const bool known = c >= 0 && c < static_cast<double>(byCategory.size());
            radii_.push_back(known ? byCategory[static_cast<std::size_t>(c)]
                                   : kBallFraction * elementRadius(""));
        }
        // Coarser balls for big molecules: the triangles grow with atoms × resolution, and a
        // software renderer still has to keep up with a drag.
        const bool many = n > 500;
        sphere_->SetThetaResolution(many ? 10 : 20);
        sphere_->SetPhiResolution(many ? 7 : 14);
        vtkNew<vtkDoubleArray> radius;
        radius->SetName(kRadiusArray);
        radius->SetNumberOfValues(n);
        std::copy(radii_.begin(), radii_.end(), radius->GetPointer(0));
        points_->GetPointData()->AddArray(radius);
    }
    actor_->SetVisibility(!radii_.empty());
    return !radii_.empty();
}

void AtomBalls::copyColouring(vtkPolyDataMapper* from) {
    mapper_->SetLookupTable(from->GetLookupTable());
    mapper_->SetColorMode(from->GetColorMode());
    mapper_->SetUseLookupTableScalarRange(from->GetUseLookupTableScalarRange());
    mapper_->SetScalarVisibility(from->GetScalarVisibility());
    mapper_->Modified();
}

void AtomBalls::setVisible(bool on) {
    actor_->SetVisibility(on && !radii_.empty());
}

} // namespace equiscope::views
