#pragma once
// A sample's points in a renderer, coloured by one of its fields with a legend, and a
// highlighted picked point (Polyscope's "structure + quantity" shape).

#include "ColorChoice.h"
#include "data/Sample.h"

#include <QString>
#include <array>
#include <memory>
#include <vtkNew.h>
#include <vtkSmartPointer.h>

class vtkActor;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;
class vtkScalarBarActor;

namespace equiscope::views {

class PointCloudLayer {
  public:
    explicit PointCloudLayer(vtkRenderer* renderer);
    ~PointCloudLayer();
    PointCloudLayer(const PointCloudLayer&) = delete;
    PointCloudLayer& operator=(const PointCloudLayer&) = delete;

    // Draws the sample's points and its edges as lines between them.
    void setSample(std::shared_ptr<const Sample> sample);
    int64_t drawnEdges() const;
    // The legend's label for a categorical value ("" when none or not categorical).
    std::string legendAnnotation(double value) const;
    const Sample* sample() const { return sample_.get(); }

    void setColor(const ColorChoice& choice);
    // Moves the drawn points (rows in the sample's node order), e.g. to g.x.
    void setPositions(const std::vector<double>& xyz);
    // Where a node is drawn now (after setPositions).
    std::array<double, 3> drawnPosition(int64_t node) const;
    // Colours by values computed elsewhere (per node, e.g. the equivariance error) until
    // clearExternal(); `logScale` maps them on a log10 axis, `lockedRange` (lo < hi) fixes
    // the legend instead of fitting it to the values.
    void setExternal(const QString& label, std::vector<double> values);
    // The same for labels (codes 0..K-1 named by `names`, e.g. predicted parts): a
    // categorical legend.
    void setExternalCategorical(const QString& label, std::vector<double> codes,
                                std::vector<std::string> names);
    void clearExternal();
    bool showsExternal() const { return !external_.empty(); }
    void setLogScale(bool logScale);
    void setLockedRange(double lo, double hi); // lo >= hi: automatic
    const std::vector<double>& externalValues() const { return external_; }
    void setColormap(const QString& name);
    void setPointSize(double pixels);
    ColorChoice color() const { return choice_; }
    QString colormap() const { return colormap_; }

    // Finite range of the current colour values (lo == hi for constant fields).
    double rangeMin() const { return range_[0]; }
    double rangeMax() const { return range_[1]; }
    bool legendVisible() const;

    // The node under display coordinates (pixels, origin bottom-left), or -1.
    int64_t pick(double displayX, double displayY) const;
    void setPicked(int64_t node); // -1 clears
    int64_t picked() const { return picked_; }

  private:
    void updateColors();

    vtkRenderer* renderer_;
    std::shared_ptr<const Sample> sample_;
    vtkNew<vtkPolyData> points_;
    vtkNew<vtkPolyDataMapper> mapper_;
    vtkNew<vtkActor> actor_;
    vtkNew<vtkScalarBarActor> legend_;
    vtkNew<vtkPolyData> pickedPoint_;
    vtkNew<vtkPolyDataMapper> pickedMapper_;
    vtkNew<vtkActor> pickedActor_;
    ColorChoice choice_;
    QString colormap_ = QStringLiteral("viridis");
    double range_[2] = {0, 1};
    int64_t picked_ = -1;
    QString externalLabel_;
    std::vector<double> external_;
    bool externalCategorical_ = false;
    std::vector<std::string> externalNames_;
    bool logScale_ = false;
    double locked_[2] = {0, 0};
};

} // namespace equiscope::views
