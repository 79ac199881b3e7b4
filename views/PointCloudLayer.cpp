#include "PointCloudLayer.h"

#include "Colormap.h"
#include "DataQuantities.h"
#include "VtkViewport.h"

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

} // namespace

PointCloudLayer::PointCloudLayer(VtkViewport* viewport)
    : viewport_(viewport), renderer_(viewport->renderer()),
      quantities_(std::make_unique<QuantityRegistry>()) {
    QObject::connect(quantities_.get(), &QuantityRegistry::displayChanged, quantities_.get(),
                     [this] { updateColors(); });
    mapper_->SetInputData(points_);
    mapper_->SetScalarModeToUsePointData();
    actor_->SetMapper(mapper_);
    actor_->GetProperty()->SetPointSize(3);
    actor_->GetProperty()->SetLineWidth(2); // bones and bonds visible on the dark background
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
    viewport_->legendRenderer()->AddActor2D(legend_);
    legend_->VisibilityOff();
    atoms_ = std::make_unique<AtomBalls>(renderer_, points_);
}

PointCloudLayer::~PointCloudLayer() {
    renderer_->RemoveActor(actor_);
    renderer_->RemoveActor(pickedActor_);
    viewport_->legendRenderer()->RemoveActor2D(legend_);
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
    // Molecules' atoms are balls sized by element; other points are vertices.
    const bool balls = atoms_->setSample(*sample_);
    atoms_->setVisible(visible_);
    points_->SetVerts(vertexCells(balls ? 0 : n));
    // Edges share the points (and their colours): graphs and skeletons are drawn connected.
    points_->SetLines(edgeCells(*sample_, n));
    actor_->GetProperty()->SetRenderPointsAsSpheres(n <= 5000);                 // nodes as balls
    quantities_->replaceOwned(QStringLiteral("data"), dataQuantities(sample_)); // redraws
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

void PointCloudLayer::setPointSize(double pixels) {
    actor_->GetProperty()->SetPointSize(static_cast<float>(pixels));
    pickedActor_->GetProperty()->SetPointSize(static_cast<float>(std::max(8.0, pixels * 3)));
}

bool PointCloudLayer::legendVisible() const {
    return legend_->GetVisibility() != 0;
}

void PointCloudLayer::showLegend(bool on) {
    legend_->SetVisibility(on && visible_);
    if (visible_) viewport_->setLegendStrip(on); // else the strip is another layer's
}

void PointCloudLayer::setVisible(bool on) {
    visible_ = on;
    actor_->SetVisibility(on);
    atoms_->setVisible(on);
    pickedActor_->SetVisibility(on && picked_ >= 0);
    if (on) return updateColors(); // the legend comes back with the colours
    legend_->VisibilityOff();
}

void PointCloudLayer::updateColors() {
    colorPoints();
    atoms_->copyColouring(mapper_);
}

void PointCloudLayer::colorPoints() {
    if (!sample_) return;
    points_->GetPointData()->SetScalars(nullptr);
    mapper_->ScalarVisibilityOff();
    shown_.clear();
    exactNodes_ = 0;
    const vtkIdType n = points_->GetNumberOfPoints();
    const ColorQuantity* q = quantities_->current();
    std::vector<double> values;
    if (q) values = q->values.empty() && q->lazyValues ? q->lazyValues() : q->values;
    const bool rgb = q && q->kind == ColorQuantity::Kind::Rgb;
    // Solid, or values not (yet) for these nodes, e.g. an error before its first result.
    if (!q || q->kind == ColorQuantity::Kind::Solid ||
        static_cast<vtkIdType>(values.size()) != n * (rgb ? 3 : 1) || n == 0) {
        showLegend(false);
        points_->Modified();
        return;
    }
    if (rgb) return drawRgb(values);
    vtkNew<vtkDoubleArray> scalars;
    scalars->SetName(q->legendTitle().toStdString().c_str());
    scalars->SetNumberOfValues(n);
    std::copy(values.begin(), values.end(), scalars->GetPointer(0));
    points_->GetPointData()->SetScalars(scalars);
    const vtkSmartPointer<vtkLookupTable> lut = scalarTable(*q, values);
    mapper_->SetLookupTable(lut);
    mapper_->SetColorModeToMapScalars();
    mapper_->UseLookupTableScalarRangeOn();
    mapper_->ScalarVisibilityOn();
    legend_->SetLookupTable(lut);
    legend_->SetTitle(q->legendTitle().toStdString().c_str());
    shown_ = std::move(values);
    showLegend(true);
    points_->Modified();
}

void PointCloudLayer::drawRgb(const std::vector<double>& values) {
    const auto n = static_cast<vtkIdType>(values.size() / 3);
    vtkNew<vtkUnsignedCharArray> rgb;
    rgb->SetNumberOfComponents(3);
    rgb->SetNumberOfTuples(n);
    for (vtkIdType i = 0; i < 3 * n; ++i)
        rgb->SetValue(i, static_cast<unsigned char>(std::clamp(values[i], 0.0, 255.0)));
    points_->GetPointData()->SetScalars(rgb);
    mapper_->SetColorModeToDirectScalars();
    mapper_->ScalarVisibilityOn();
    showLegend(false); // the colours are the file's own
    points_->Modified();
}

vtkSmartPointer<vtkLookupTable> PointCloudLayer::scalarTable(const ColorQuantity& q,
                                                             const std::vector<double>& values) {
    if (q.kind == ColorQuantity::Kind::Categorical) {
        std::set<int64_t> distinct;
        for (double v : values)
            if (std::isfinite(v) && distinct.size() < 64) distinct.insert(static_cast<int64_t>(v));
        range_[0] = distinct.empty() ? 0 : static_cast<double>(*distinct.begin());
        range_[1] = distinct.empty() ? 0 : static_cast<double>(*distinct.rbegin());
        legend_->SetMaximumNumberOfColors(static_cast<int>(distinct.size()));
        legend_->DrawAnnotationsOn();
        legend_->DrawBelowRangeSwatchOff();
        return makeCategoricalTable({distinct.begin(), distinct.end()}, q.categories, q.palette);
    }
    // The range over finite values; with a round-off floor only over those above it.
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        if (q.exactBelow > 0 && v < q.exactBelow) {
            ++exactNodes_;
            continue;
        }
        if (q.logScale && v <= 0) continue; // log axes need a positive range
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (!std::isfinite(lo)) lo = hi = q.exactBelow > 0 ? q.exactBelow : q.logScale ? 1e-16 : 0;
    if (q.exactBelow > 0) lo = std::max(lo, q.exactBelow);
    if (q.logScale || q.exactBelow > 0) hi = std::max(hi, lo * 10); // a decade at least
    if (q.fixedLo < q.fixedHi) {
        lo = q.fixedLo;
        hi = q.fixedHi;
    }
    range_[0] = lo;
    range_[1] = hi;
    auto lut = makeLookupTable(q.colormap, lo, hi);
    if (q.logScale) lut->SetScaleToLog10();
    if (q.exactBelow > 0) {
        lut->SetBelowRangeColor(kExactColor[0], kExactColor[1], kExactColor[2], 1.0);
        lut->UseBelowRangeColorOn();
        legend_->DrawBelowRangeSwatchOn();
        legend_->SetBelowRangeAnnotation("exact to\nround-off");
    } else {
        legend_->DrawBelowRangeSwatchOff();
    }
    legend_->SetMaximumNumberOfColors(256);
    legend_->SetDrawAnnotations(q.exactBelow > 0); // only the swatch's label: no values annotated
    return lut;
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
    pickedActor_->SetVisibility(visible_);
}

} // namespace equiscope::views
