#include "SphereLayer.h"

#include "Colormap.h"
#include "VtkViewport.h"

#include <vtkActor.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkDoubleArray.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkSphereSource.h>
#include <vtkTextProperty.h>

namespace equiscope::views {

namespace {
constexpr double kSpacing = 2.8; // between sphere centres (unit radius)
constexpr int kResolution = 120; // azimuthal steps; half as many polar ones
} // namespace

SphereLayer::SphereLayer(VtkViewport* viewport) : viewport_(viewport) {
    vtkNew<vtkSphereSource> source;
    source->SetRadius(1.0);
    source->SetThetaResolution(kResolution);
    source->SetPhiResolution(kResolution / 2);
    source->Update();
    unitSphere_ = source->GetOutput();
    const vtkIdType n = unitSphere_->GetNumberOfPoints();
    directions_.resize(n, 3);
    for (vtkIdType i = 0; i < n; ++i) {
        double p[3];
        unitSphere_->GetPoint(i, p);
        directions_.row(i) = Eigen::RowVector3d(p[0], p[1], p[2]).normalized();
    }
    quantity_.name = QStringLiteral("f(r)");
    quantity_.owner = QStringLiteral("spherical");
    quantity_.title = QStringLiteral("f(r) / max |f|");
    quantity_.colormap = QStringLiteral("coolwarm");
    styleLegend(legend_);
    legend_->VisibilityOff();
    viewport_->legendRenderer()->AddActor2D(legend_);
}

SphereLayer::~SphereLayer() {
    hide();
    viewport_->legendRenderer()->RemoveActor2D(legend_);
}

double SphereLayer::centreX(int i) const {
    return (i - (count_ - 1) / 2.0) * kSpacing;
}

vtkSmartPointer<vtkPolyData> SphereLayer::sphereMesh(const Eigen::VectorXd& values, double peak,
                                                     double offset, bool radiusByValue) const {
    auto mesh = vtkSmartPointer<vtkPolyData>::New();
    mesh->DeepCopy(unitSphere_);
    vtkPoints* points = mesh->GetPoints();
    vtkNew<vtkDoubleArray> scalars;
    scalars->SetName("value");
    scalars->SetNumberOfValues(values.size());
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        const double radius = radiusByValue ? std::abs(values(i)) / peak : 1.0;
        const Eigen::RowVector3d p = directions_.row(i) * radius;
        points->SetPoint(i, p.x() + offset, p.y(), p.z());
        scalars->SetValue(i, values(i) / peak);
    }
    mesh->GetPointData()->SetScalars(scalars);
    if (!radiusByValue) return mesh;
    vtkNew<vtkPolyDataNormals> normals; // the unit sphere's normals no longer hold
    normals->SetInputData(mesh);
    normals->SplittingOff();
    normals->Update();
    return normals->GetOutput();
}

void SphereLayer::show(const std::vector<Sphere>& spheres, bool radiusByValue) {
    hide();
    count_ = static_cast<int>(spheres.size());
    quantity_.fixedLo = -1;
    quantity_.fixedHi = 1;
    const vtkSmartPointer<vtkLookupTable> lut = makeLookupTable(quantity_.colormap, -1, 1);
    vtkRenderer* renderer = viewport_->renderer();
    for (int i = 0; i < count_; ++i) {
        const Sphere& sphere = spheres[static_cast<std::size_t>(i)];
        values_.push_back(evaluate(sphere.signal, directions_));
        const double max = values_.back().cwiseAbs().maxCoeff();
        const double peak = max > 1e-300 ? max : 1.0; // all zero: drawn as zero
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputData(sphereMesh(values_.back(), peak, centreX(i), radiusByValue));
        mapper->SetLookupTable(lut);
        mapper->UseLookupTableScalarRangeOn();
        mapper->SetColorModeToMapScalars();
        auto actor = vtkSmartPointer<vtkActor>::New();
        actor->SetMapper(mapper);
        actor->PickableOff();
        renderer->AddActor(actor);
        actors_.push_back(actor);
        auto label = vtkSmartPointer<vtkBillboardTextActor3D>::New();
        const QString text =
            QStringLiteral("%1\nmax |f| = %2").arg(sphere.label).arg(max, 0, 'g', 3);
        label->SetInput(text.toStdString().c_str());
        label->SetPosition(centreX(i), 0, 1.5);
        label->GetTextProperty()->SetFontSize(14);
        label->GetTextProperty()->SetJustificationToCentered();
        label->GetTextProperty()->SetColor(0.95, 0.95, 0.95);
        renderer->AddActor(label);
        labels_.push_back(label);
    }
    legend_->SetLookupTable(lut);
    legend_->SetTitle(quantity_.legendTitle().toStdString().c_str());
    legend_->VisibilityOn();
    viewport_->setLegendStrip(true);
    viewport_->requestRender();
}

void SphereLayer::hide() {
    vtkRenderer* renderer = viewport_->renderer();
    for (auto& a : actors_) renderer->RemoveActor(a);
    for (auto& l : labels_) renderer->RemoveActor(l);
    actors_.clear();
    labels_.clear();
    values_.clear();
    if (legend_->GetVisibility()) {
        legend_->VisibilityOff();
        viewport_->setLegendStrip(false);
    }
    viewport_->requestRender();
}

} // namespace equiscope::views
