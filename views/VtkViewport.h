#pragma once
// A VTK render window inside Qt 6's QOpenGLWidget (Debian's VTK Qt module is built for
// Qt 5, so this replaces QVTKOpenGLNativeWidget; see toolchain.md section 3).

#include <QMouseEvent>
#include <QOpenGLWidget>
#include <QPointF>
#include <QSurfaceFormat>
#include <vtkNew.h>

namespace equiscope {
struct Sample;
}

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderer;
class vtkObject;

namespace equiscope::views {

class VtkViewport : public QOpenGLWidget {
    Q_OBJECT
  public:
    explicit VtkViewport(QWidget* parent = nullptr);
    ~VtkViewport() override;

    // Must be set with QSurfaceFormat::setDefaultFormat before QApplication exists.
    static QSurfaceFormat defaultFormat();

    vtkRenderer* renderer() const;
    // A strip at the right edge for the colour legend, beside the scene so the legend never
    // covers data (the scene's camera fits the rest); hidden when no legend is shown.
    vtkRenderer* legendRenderer() const;
    void setLegendStrip(bool on);
    bool legendStrip() const { return legendStrip_; }
    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkGenericRenderWindowInteractor* interactor() const;

    void requestRender(); // re-render on the next paint
    // Object mode: left drags move the data (objectDragged) instead of the camera.
    void setObjectMode(bool on) { objectMode_ = on; }
    bool objectMode() const { return objectMode_; }
    void resetCamera(int upAxis = 2);       // an oblique view with that axis (0 x, 1 y, 2 z) up
    void resetCamera(const Sample& sample); // up as the data says (BVH: y), else z
    int renderedFrames() const { return frames_; }
    bool softwareGl() const { return softwareGl_; } // then without multisampling

  Q_SIGNALS:
    // A click (press and release without a drag) at widget coordinates.
    void clicked(QPointF position);
    // In object mode: a left drag step from `from` to `to` (widget coordinates).
    void objectDragged(QPointF from, QPointF to, Qt::KeyboardModifiers modifiers);

  protected:
    void initializeGL() override;
    void resizeGL(int width, int height) override;
    void paintGL() override;
    bool event(QEvent* event) override;

  private:
    void onVtkEvent(vtkObject* caller, unsigned long eventId, void* data);
    void forwardMouse(QEvent* event);
    bool handleObjectDrag(QMouseEvent* event);
    void cleanupContext();
    void layoutRenderers();

    vtkNew<vtkGenericOpenGLRenderWindow> window_;
    vtkNew<vtkGenericRenderWindowInteractor> interactor_;
    vtkNew<vtkRenderer> renderer_;
    vtkNew<vtkRenderer> legendRenderer_;
    bool legendStrip_ = false;
    bool softwareGl_ = false;
    bool needRender_ = true;
    bool inPaint_ = false;
    int frames_ = 0;
    QPointF pressPosition_, lastDrag_;
    bool objectMode_ = false, dragging_ = false;
};

} // namespace equiscope::views
