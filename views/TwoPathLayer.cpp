#include "TwoPathLayer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

namespace equiscope::views {

namespace {

constexpr double kFirst[3] = {1.0, 0.6, 0.1};   // f(g.x)
constexpr double kSecond[3] = {0.2, 0.85, 1.0}; // g.f(x)

void style(vtkActor* actor, vtkPolyDataMapper* mapper, vtkPolyData* data, const double* color,
           float width) {
    mapper->SetInputData(data);
    mapper->ScalarVisibilityOff();
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(color[0], color[1], color[2]);
    actor->GetProperty()->SetLineWidth(width);
    actor->GetProperty()->SetPointSize(6);
    actor->GetProperty()->RenderPointsAsSpheresOn();
    actor->PickableOff();
}

} // namespace

TwoPathLayer::TwoPathLayer(vtkRenderer* renderer) : renderer_(renderer) {
    const double red[3] = {1.0, 0.15, 0.15};
    style(firstActor_, firstMapper_, first_, kFirst, 2);
    style(secondActor_, secondMapper_, second_, kSecond, 2);
    style(residualActor_, residualMapper_, residual_, red, 3);
    key_->SetInput("orange: f(g.x)   cyan: g.f(x)   red: residual");
    key_->GetTextProperty()->SetFontSize(14);
    key_->GetTextProperty()->SetColor(0.95, 0.95, 0.95);
    key_->SetDisplayPosition(10, 10);
    for (vtkActor* a : {firstActor_.Get(), secondActor_.Get(), residualActor_.Get()})
        renderer_->AddActor(a);
    renderer_->AddActor2D(key_);
    hide();
}

TwoPathLayer::~TwoPathLayer() {
    for (vtkActor* a : {firstActor_.Get(), secondActor_.Get(), residualActor_.Get()})
        renderer_->RemoveActor(a);
    renderer_->RemoveActor2D(key_);
}

void TwoPathLayer::show(const TwoPaths& paths, FieldType output, const std::vector<double>& anchors,
                        int maxGlyphs) {
    const bool positions = output == FieldType::Position;
    const bool vectors = output == FieldType::Vector || output == FieldType::Pseudovector;
    if ((!positions && !vectors) || paths.channels != 3) {
        hide();
        return;
    }
    const int64_t rows = static_cast<int64_t>(paths.rowError.size());
    const int64_t stride = std::max<int64_t>(1, (rows + maxGlyphs - 1) / std::max(maxGlyphs, 1));
    vtkNew<vtkPoints> p1, p2, pr;
    vtkNew<vtkCellArray> c1, c2, cr;
    glyphs_ = 0;
    for (int64_t i = 0; i < rows; i += stride, ++glyphs_) {
        double a[3], b[3], base[3];
        for (int k = 0; k < 3; ++k) {
            base[k] = anchors[static_cast<std::size_t>(i * 3 + k)];
            a[k] = paths.transformedThenModel[static_cast<std::size_t>(i * 3 + k)] +
                   (positions ? 0 : base[k]);
            b[k] = paths.modelThenTransformed[static_cast<std::size_t>(i * 3 + k)] +
                   (positions ? 0 : base[k]);
        }
        if (positions) {
            c1->InsertNextCell(1);
            c1->InsertCellPoint(p1->InsertNextPoint(a));
            c2->InsertNextCell(1);
            c2->InsertCellPoint(p2->InsertNextPoint(b));
        } else {
            c1->InsertNextCell(2);
            c1->InsertCellPoint(p1->InsertNextPoint(base));
            c1->InsertCellPoint(p1->InsertNextPoint(a));
            c2->InsertNextCell(2);
            c2->InsertCellPoint(p2->InsertNextPoint(base));
            c2->InsertCellPoint(p2->InsertNextPoint(b));
        }
        cr->InsertNextCell(2);
        cr->InsertCellPoint(pr->InsertNextPoint(a));
        cr->InsertCellPoint(pr->InsertNextPoint(b));
    }
    first_->Initialize();
    second_->Initialize();
    residual_->Initialize();
    first_->SetPoints(p1);
    second_->SetPoints(p2);
    residual_->SetPoints(pr);
    if (positions) {
        first_->SetVerts(c1);
        second_->SetVerts(c2);
    } else {
        first_->SetLines(c1);
        second_->SetLines(c2);
    }
    residual_->SetLines(cr);
    setVisible(wanted_);
}

void TwoPathLayer::hide() {
    glyphs_ = 0;
    for (vtkActor* a : {firstActor_.Get(), secondActor_.Get(), residualActor_.Get()})
        a->VisibilityOff();
    key_->VisibilityOff();
}

void TwoPathLayer::setVisible(bool visible) {
    wanted_ = visible;
    const bool on = visible && glyphs_ > 0;
    for (vtkActor* a : {firstActor_.Get(), secondActor_.Get(), residualActor_.Get()})
        a->SetVisibility(on);
    key_->SetVisibility(on);
}

bool TwoPathLayer::visible() const {
    return firstActor_->GetVisibility() != 0;
}

} // namespace equiscope::views
