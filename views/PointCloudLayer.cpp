#include "PointCloudLayer.h"

#include "Colormap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkDoubleArray.h>
#include <vtkIdTypeArray.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPointPicker.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkScalarsToColors.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

namespace equiscope::views {

namespace {

// One vertex cell per point, built directly from offsets and connectivity.
vtkSmartPointer<vtkCellArray> vertexCells(vtkIdType n) {
    vtkNew<vtkIdTypeArray> offsets, connectivity;
    offsets->SetNumberOfValues(n + 1);
    connectivity->SetNumberOfValues(n);
    for (vtkIdType i = 0; i < n; ++i) {
        offsets->SetValue(i, i);
        connectivity->SetValue(i, i);
    }
    offsets->SetValue(n, n);
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->SetData(offsets, connectivity);
    return cells;
}

// One line cell per edge of the sample (graph edges, skeleton bones), endpoints in range.
vtkSmartPointer<vtkCellArray> edgeCells(const Sample& sample, vtkIdType n) {
    const int64_t e = sample.edgeCount();
    vtkNew<vtkIdTypeArray> offsets, connectivity;
    offsets->InsertNextValue(0);
    for (int64_t k = 0; k < e; ++k) {
        const int64_t a = sample.edgeIndex[static_cast<std::size_t>(k)],
                      b = sample.edgeIndex[static_cast<std::size_t>(e + k)];
        if (a < 0 || b < 0 || a >= n || b >= n || a == b) continue;
        connectivity->InsertNextValue(a);
        connectivity->InsertNextValue(b);
        offsets->InsertNextValue(connectivity->GetNumberOfValues());
    }
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->SetData(offsets, connectivity);
    return cells;
}

void styleLegend(vtkScalarBarActor* legend) {
    legend->SetNumberOfLabels(5);
    legend->SetMaximumWidthInPixels(110);
    legend->SetMaximumHeightInPixels(420);
    legend->SetPosition(0.87, 0.1);
    legend->SetPosition2(0.12, 0.8);
    legend->SetLabelFormat("%-#8.3g");
    legend->UnconstrainedFontSizeOn();
    for (vtkTextProperty* t : {legend->GetTitleTextProperty(), legend->GetLabelTextProperty()}) {
        t->SetColor(0.95, 0.95, 0.95);
        t->SetFontSize(14);
        t->ShadowOff();
        t->ItalicOff();
    }
    legend->GetTitleTextProperty()->BoldOn();
    legend->SetTextPositionToPrecedeScalarBar();
    legend->SetVerticalTitleSeparation(8);
}

} // namespace

PointCloudLayer::PointCloudLayer(vtkRenderer* renderer) : renderer_(renderer) {
    mapper_->SetInputData(points_);
    mapper_->SetScalarModeToUsePointData();
    actor_->SetMapper(mapper_);
    actor_->GetProperty()->SetPointSize(3);
    actor_->GetProperty()->SetColor(0.85, 0.85, 0.9);
    styleLegend(legend_);
    pickedMapper_->SetInputData(pickedPoint_);
    pickedActor_->SetMapper(pickedMapper_);
    pickedActor_->GetProperty()->SetColor(1.0, 0.2, 0.2);
    pickedActor_->GetProperty()->SetPointSize(12);
    pickedActor_->GetProperty()->RenderPointsAsSpheresOn();
    pickedActor_->PickableOff();
    pickedActor_->VisibilityOff();
    renderer_->AddActor(actor_);
    renderer_->AddActor(pickedActor_);
    renderer_->AddActor2D(legend_);
    legend_->VisibilityOff();
}

PointCloudLayer::~PointCloudLayer() {
    renderer_->RemoveActor(actor_);
    renderer_->RemoveActor(pickedActor_);
    renderer_->RemoveActor2D(legend_);
}

void PointCloudLayer::setSample(std::shared_ptr<const Sample> sample) {
    sample_ = std::move(sample);
    picked_ = -1;
    pickedActor_->VisibilityOff();
    const Field& pos = sample_->positions();
    const vtkIdType n = static_cast<vtkIdType>(pos.rows());
    // Double precision lets VTK shift and scale on the GPU, so UTM-sized coordinates render
    // without float32 jitter.
    vtkNew<vtkDoubleArray> coords;
    coords->SetNumberOfComponents(3);
    coords->SetNumberOfTuples(n);
    std::copy(pos.values.begin(), pos.values.end(), coords->GetPointer(0));
    vtkNew<vtkPoints> points;
    points->SetData(coords);
    points_->Initialize();
    points_->SetPoints(points);
    points_->SetVerts(vertexCells(n));
    // Edges share the points (and their colours): graphs and skeletons are drawn connected.
    points_->SetLines(edgeCells(*sample_, n));
    choice_ = colorChoices(*sample_).front();
    updateColors();
}

std::string PointCloudLayer::legendAnnotation(double value) const {
    vtkScalarsToColors* lut = legend_->GetLookupTable();
    if (!lut || !legend_->GetDrawAnnotations()) return {};
    const vtkIdType index = lut->GetAnnotatedValueIndex(vtkVariant(value));
    return index < 0 ? std::string() : lut->GetAnnotation(index).c_str();
}

int64_t PointCloudLayer::drawnEdges() const {
    return static_cast<int64_t>(points_->GetNumberOfLines());
}

void PointCloudLayer::setColor(const ColorChoice& choice) {
    choice_ = choice;
    updateColors();
}

void PointCloudLayer::setPositions(const std::vector<double>& xyz) {
    vtkPoints* points = points_->GetPoints();
    if (!points || static_cast<vtkIdType>(xyz.size()) != 3 * points->GetNumberOfPoints()) return;
    std::copy(xyz.begin(), xyz.end(), static_cast<double*>(points->GetData()->GetVoidPointer(0)));
    points->Modified();
    points_->Modified();
    setPicked(picked_);
}

std::array<double, 3> PointCloudLayer::drawnPosition(int64_t node) const {
    std::array<double, 3> x{0, 0, 0};
    if (node >= 0 && node < points_->GetNumberOfPoints()) points_->GetPoint(node, x.data());
    return x;
}

void PointCloudLayer::setExternal(const QString& label, std::vector<double> values) {
    externalLabel_ = label;
    external_ = std::move(values);
    externalCategorical_ = false;
    updateColors();
}

void PointCloudLayer::setExternalCategorical(const QString& label, std::vector<double> codes,
                                             std::vector<std::string> names) {
    externalLabel_ = label;
    external_ = std::move(codes);
    externalCategorical_ = true;
    externalNames_ = std::move(names);
    updateColors();
}

void PointCloudLayer::clearExternal() {
    external_.clear();
    updateColors();
}

void PointCloudLayer::setLogScale(bool logScale) {
    logScale_ = logScale;
    updateColors();
}

void PointCloudLayer::setLockedRange(double lo, double hi) {
    locked_[0] = lo;
    locked_[1] = hi;
    updateColors();
}

void PointCloudLayer::setColormap(const QString& name) {
    colormap_ = name;
    updateColors();
}

void PointCloudLayer::setPointSize(double pixels) {
    actor_->GetProperty()->SetPointSize(static_cast<float>(pixels));
    pickedActor_->GetProperty()->SetPointSize(static_cast<float>(std::max(8.0, pixels * 3)));
}

bool PointCloudLayer::legendVisible() const {
    return legend_->GetVisibility() != 0;
}

void PointCloudLayer::updateColors() {
    if (!sample_) return;
    vtkPointData* pd = points_->GetPointData();
    pd->SetScalars(nullptr);
    legend_->VisibilityOff();
    mapper_->ScalarVisibilityOff();
    const vtkIdType n = points_->GetNumberOfPoints();
    const bool external = static_cast<vtkIdType>(external_.size()) == n && n > 0;
    if (choice_.mode == ColorChoice::Mode::Solid && !external) {
        points_->Modified();
        return;
    }
    if (choice_.mode == ColorChoice::Mode::Rgb && !external) {
        const Field* f = sample_->find(choice_.field.toStdString());
        vtkNew<vtkUnsignedCharArray> rgb;
        rgb->SetNumberOfComponents(3);
        rgb->SetNumberOfTuples(n);
        for (vtkIdType i = 0; i < n; ++i)
            for (int k = 0; k < 3; ++k)
                rgb->SetValue(i * 3 + k,
                              static_cast<unsigned char>(std::clamp(f->at(i, k), 0.0, 255.0)));
        pd->SetScalars(rgb);
        mapper_->SetColorModeToDirectScalars();
        mapper_->ScalarVisibilityOn();
        points_->Modified();
        return;
    }
    const std::vector<double> values = external ? external_ : colorValues(*sample_, choice_);
    const QString label = external ? externalLabel_ : choice_.label();
    vtkNew<vtkDoubleArray> scalars;
    scalars->SetName(label.toStdString().c_str());
    scalars->SetNumberOfValues(n);
    std::copy(values.begin(), values.end(), scalars->GetPointer(0));
    range_[0] = std::numeric_limits<double>::infinity();
    range_[1] = -range_[0];
    for (double v : values)
        if (std::isfinite(v)) {
            range_[0] = std::min(range_[0], v);
            range_[1] = std::max(range_[1], v);
        }
    if (!std::isfinite(range_[0])) range_[0] = range_[1] = 0;
    const bool categorical =
        external ? externalCategorical_ : choice_.mode == ColorChoice::Mode::Categorical;
    if (external && logScale_ && !categorical) { // log axes need a positive range
        double positiveMin = std::numeric_limits<double>::infinity();
        for (double v : values)
            if (v > 0 && std::isfinite(v)) positiveMin = std::min(positiveMin, v);
        range_[0] = std::isfinite(positiveMin) ? positiveMin : 1e-16;
        range_[1] = std::max(range_[1], range_[0] * 10);
    }
    if (external && locked_[0] < locked_[1] && !categorical) {
        range_[0] = locked_[0];
        range_[1] = locked_[1];
    }
    pd->SetScalars(scalars);

    vtkSmartPointer<vtkLookupTable> lut;
    if (categorical) {
        std::set<int64_t> distinct;
        for (double v : values)
            if (std::isfinite(v) && distinct.size() < 64) distinct.insert(static_cast<int64_t>(v));
        const Field* field = external ? nullptr : sample_->find(choice_.field.toStdString());
        lut = makeCategoricalTable({distinct.begin(), distinct.end()},
                                   external ? externalNames_
                                   : field  ? field->categories
                                            : std::vector<std::string>());
        legend_->SetMaximumNumberOfColors(static_cast<int>(distinct.size()));
        legend_->DrawAnnotationsOn();
    } else {
        lut = makeLookupTable(colormap_, range_[0], range_[1]);
        if (external && logScale_) lut->SetScaleToLog10();
        legend_->SetMaximumNumberOfColors(256);
        legend_->DrawAnnotationsOff();
    }
    mapper_->SetLookupTable(lut);
    mapper_->SetColorModeToMapScalars();
    mapper_->UseLookupTableScalarRangeOn();
    mapper_->ScalarVisibilityOn();
    legend_->SetLookupTable(lut);
    legend_->SetTitle(label.toStdString().c_str());
    legend_->VisibilityOn();
    points_->Modified();
}

int64_t PointCloudLayer::pick(double displayX, double displayY) const {
    if (!sample_) return -1;
    vtkNew<vtkPointPicker> picker;
    picker->SetTolerance(0.01);
    picker->PickFromListOn();
    picker->AddPickList(actor_);
    if (!picker->Pick(displayX, displayY, 0, renderer_)) return -1;
    return picker->GetPointId();
}

void PointCloudLayer::setPicked(int64_t node) {
    picked_ = sample_ && node >= 0 && node < sample_->nodeCount() ? node : -1;
    if (picked_ < 0) {
        pickedActor_->VisibilityOff();
        return;
    }
    vtkNew<vtkPoints> p;
    double x[3];
    points_->GetPoint(picked_, x);
    p->InsertNextPoint(x);
    pickedPoint_->Initialize();
    pickedPoint_->SetPoints(p);
    pickedPoint_->SetVerts(vertexCells(1));
    pickedActor_->VisibilityOn();
}

} // namespace equiscope::views
