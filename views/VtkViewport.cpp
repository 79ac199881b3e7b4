#include "VtkViewport.h"

#include "data/Sample.h"

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QOpenGLFunctions>
#include <QWheelEvent>
#include <algorithm>
#include <cstring>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

namespace equiscope::views {

VtkViewport::VtkViewport(QWidget* parent) : QOpenGLWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setUpdateBehavior(QOpenGLWidget::NoPartialUpdate);
    setMinimumSize(160, 120);

    window_->SetReadyForRendering(false); // no GL context until initializeGL
    window_->SetFrameBlitModeToNoBlit();  // paintGL blits into Qt's framebuffer itself
    window_->AddRenderer(renderer_);
    window_->SetInteractor(interactor_);
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    interactor_->SetInteractorStyle(style);
    interactor_->EnableRenderOff(); // renders go through Qt's paint cycle
    interactor_->Initialize();
    window_->AddRenderer(legendRenderer_);
    for (vtkRenderer* r : {renderer_.Get(), legendRenderer_.Get()}) {
        r->SetBackground(0.11, 0.12, 0.14); // the same vertical gradient: no seam
        r->SetBackground2(0.23, 0.25, 0.29);
        r->GradientBackgroundOn();
    }
    legendRenderer_->InteractiveOff();
    layoutRenderers();

    for (const unsigned long id : {vtkCommand::WindowMakeCurrentEvent,
                                   vtkCommand::WindowIsCurrentEvent, vtkCommand::WindowFrameEvent})
        window_->AddObserver(id, this, &VtkViewport::onVtkEvent);
    // The interactor asks for renders (camera moves); paint them through Qt.
    interactor_->AddObserver(vtkCommand::RenderEvent, this, &VtkViewport::onVtkEvent);
}

VtkViewport::~VtkViewport() {
    // QOpenGLWidget's destructor destroys the context after our members are gone.
    if (context()) disconnect(context(), nullptr, this, nullptr);
    makeCurrent();
    cleanupContext();
    doneCurrent();
}

QSurfaceFormat VtkViewport::defaultFormat() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(8);
    format.setStencilBufferSize(0);
    format.setSamples(0); // VTK multisamples in its own framebuffers
    return format;
}

vtkRenderer* VtkViewport::renderer() const {
    return renderer_;
}
vtkRenderer* VtkViewport::legendRenderer() const {
    return legendRenderer_;
}

void VtkViewport::setLegendStrip(bool on) {
    if (on == legendStrip_) return;
    legendStrip_ = on;
    layoutRenderers();
    requestRender();
}

void VtkViewport::layoutRenderers() {
    constexpr double kStripPixels = 190; // the legend's labels, bar and annotations
    const double split =
        legendStrip_ ? std::clamp(1.0 - kStripPixels / std::max(width(), 1), 0.5, 1.0) : 1.0;
    renderer_->SetViewport(0, 0, split, 1);
    legendRenderer_->SetViewport(split, 0, 1, 1);
    legendRenderer_->SetDraw(split < 1.0);
}

vtkGenericOpenGLRenderWindow* VtkViewport::renderWindow() const {
    return window_;
}
vtkGenericRenderWindowInteractor* VtkViewport::interactor() const {
    return interactor_;
}

void VtkViewport::requestRender() {
    needRender_ = true;
    update();
}

void VtkViewport::resetCamera(int upAxis) {
    // An oblique view from the front: (right, back, up) = (0.35, -1, 0.55) in the frame
    // whose third axis is `upAxis`, cycled so that the frame stays right-handed.
    const int up = std::clamp(upAxis, 0, 2), right = (up + 1) % 3, back = (up + 2) % 3;
    double position[3], viewUp[3] = {0, 0, 0};
    position[right] = 0.35;
    position[back] = -1.0;
    position[up] = 0.55;
    viewUp[up] = 1;
    vtkCamera* camera = renderer_->GetActiveCamera();
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(position);
    camera->SetViewUp(viewUp);
    renderer_->ResetCamera();
    requestRender();
}

void VtkViewport::resetCamera(const Sample& sample) {
    const auto up = sample.metadata.find("up_axis");
    resetCamera(up == sample.metadata.end() ? 2
                : up->second == "x"         ? 0
                : up->second == "y"         ? 1
                                            : 2);
}

void VtkViewport::initializeGL() {
    window_->SetOwnContext(0);
    window_->SetForceMaximumHardwareLineWidth(1);
    window_->SetReadyForRendering(true);
    // A software rasterizer (llvmpipe under Xvfb, VMs, remote desktops) spends most of a
    // frame on 8x multisampling: without it a 16k-point scene redraws several times faster.
    const auto* renderer =
        reinterpret_cast<const char*>(context()->functions()->glGetString(GL_RENDERER));
    softwareGl_ =
        renderer && (std::strstr(renderer, "llvmpipe") || std::strstr(renderer, "softpipe") ||
                     std::strstr(renderer, "swrast"));
    if (softwareGl_) window_->SetMultiSamples(0);
    window_->OpenGLInitContext();
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
        makeCurrent();
        cleanupContext();
    });
    needRender_ = true;
}

void VtkViewport::cleanupContext() {
    if (!window_->GetReadyForRendering()) return;
    window_->Finalize();
    window_->SetReadyForRendering(false);
}

void VtkViewport::resizeGL(int width, int height) {
    const double dpr = devicePixelRatioF();
    interactor_->UpdateSize(static_cast<int>(width * dpr), static_cast<int>(height * dpr));
    window_->SetDPI(static_cast<int>(72 * dpr));
    layoutRenderers();
    needRender_ = true;
}

void VtkViewport::paintGL() {
    if (!window_->GetReadyForRendering()) return;
    inPaint_ = true;
    if (needRender_) {
        window_->Render(); // into VTK's own framebuffers
        needRender_ = false;
        ++frames_;
    }
    inPaint_ = false;

    // Rebinding Qt's framebuffer is safe here, after VTK rendered, and only here.
    makeCurrent();
    QOpenGLExtraFunctions* f = context()->extraFunctions();
    f->glBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
    const GLenum buffers[1] = {GL_COLOR_ATTACHMENT0};
    f->glDrawBuffers(1, buffers);
    const GLboolean scissor = f->glIsEnabled(GL_SCISSOR_TEST);
    if (scissor) {
        window_->GetState()->vtkglDisable(GL_SCISSOR_TEST);
        f->glDisable(GL_SCISSOR_TEST);
    }
    const int* size = window_->GetRenderFramebuffer()->GetLastSize();
    const double dpr = devicePixelRatioF();
    const int w = static_cast<int>(width() * dpr), h = static_cast<int>(height() * dpr);
    window_->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, w, h, GL_COLOR_BUFFER_BIT,
                                    GL_LINEAR);

    // Opaque alpha, or Mesa and compositors blend the view with what is behind it.
    GLboolean mask[4];
    f->glGetBooleanv(GL_COLOR_WRITEMASK, mask);
    GLfloat clear[4];
    f->glGetFloatv(GL_COLOR_CLEAR_VALUE, clear);
    f->glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
    f->glClearColor(0, 0, 0, 1);
    f->glClear(GL_COLOR_BUFFER_BIT);
    f->glColorMask(mask[0], mask[1], mask[2], mask[3]);
    f->glClearColor(clear[0], clear[1], clear[2], clear[3]);
    if (scissor) {
        window_->GetState()->vtkglEnable(GL_SCISSOR_TEST);
        f->glEnable(GL_SCISSOR_TEST);
    }
}

void VtkViewport::onVtkEvent(vtkObject*, unsigned long eventId, void* data) {
    switch (eventId) {
    case vtkCommand::WindowMakeCurrentEvent:
        // Only the context: QOpenGLWidget::makeCurrent would also rebind Qt's framebuffer
        // behind VTK's state cache, which leaves a black view.
        if (context() && QOpenGLContext::currentContext() != context())
            context()->makeCurrent(context()->surface());
        break;
    case vtkCommand::WindowIsCurrentEvent: {
        QOpenGLContext* current = QOpenGLContext::currentContext();
        *static_cast<bool*>(data) =
            context() && current == context() && current->surface() == context()->surface();
        break;
    }
    case vtkCommand::WindowFrameEvent:
        if (!inPaint_) update();
        break;
    case vtkCommand::RenderEvent:
        requestRender();
        break;
    default:
        break;
    }
}

bool VtkViewport::event(QEvent* e) {
    switch (e->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (window_->GetReadyForRendering()) forwardMouse(e);
        return true;
    case QEvent::Enter:
        interactor_->InvokeEvent(vtkCommand::EnterEvent, e);
        break;
    case QEvent::Leave:
        interactor_->InvokeEvent(vtkCommand::LeaveEvent, e);
        break;
    case QEvent::KeyPress: {
        auto* k = static_cast<QKeyEvent*>(e);
        if (k->key() == Qt::Key_R) {
            resetCamera();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QOpenGLWidget::event(e);
}

bool VtkViewport::handleObjectDrag(QMouseEvent* m) {
    const QPointF p = m->position();
    switch (m->type()) {
    case QEvent::MouseButtonPress:
        if (m->button() != Qt::LeftButton) return false;
        dragging_ = true;
        pressPosition_ = lastDrag_ = p;
        return true;
    case QEvent::MouseMove:
        if (!dragging_) return false;
        Q_EMIT objectDragged(lastDrag_, p, m->modifiers());
        lastDrag_ = p;
        return true;
    case QEvent::MouseButtonRelease:
        if (m->button() != Qt::LeftButton || !dragging_) return false;
        dragging_ = false;
        if ((p - pressPosition_).manhattanLength() <= 3) Q_EMIT clicked(p);
        return true;
    default:
        return false;
    }
}

void VtkViewport::forwardMouse(QEvent* e) {
    const double dpr = devicePixelRatioF();
    if (e->type() == QEvent::Wheel) {
        auto* w = static_cast<QWheelEvent*>(e);
        const QPointF p = w->position();
        interactor_->SetEventInformationFlipY(static_cast<int>(p.x() * dpr),
                                              static_cast<int>(p.y() * dpr),
                                              (w->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                              (w->modifiers() & Qt::ShiftModifier) ? 1 : 0);
        const int delta = w->angleDelta().y();
        if (delta > 0)
            interactor_->InvokeEvent(vtkCommand::MouseWheelForwardEvent, e);
        else if (delta < 0)
            interactor_->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, e);
        return;
    }
    auto* m = static_cast<QMouseEvent*>(e);
    const QPointF p = m->position();
    if (objectMode_ && handleObjectDrag(m)) return;
    interactor_->SetEventInformationFlipY(static_cast<int>(p.x() * dpr),
                                          static_cast<int>(p.y() * dpr),
                                          (m->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                          (m->modifiers() & Qt::ShiftModifier) ? 1 : 0, 0,
                                          e->type() == QEvent::MouseButtonDblClick ? 1 : 0);
    interactor_->SetAltKey((m->modifiers() & Qt::AltModifier) ? 1 : 0);
    unsigned long id = vtkCommand::MouseMoveEvent;
    const bool press =
        e->type() == QEvent::MouseButtonPress || e->type() == QEvent::MouseButtonDblClick;
    if (e->type() != QEvent::MouseMove) {
        switch (m->button()) {
        case Qt::LeftButton:
            id = press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
            break;
        case Qt::MiddleButton:
            id = press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
            break;
        case Qt::RightButton:
            id = press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
            break;
        default:
            return;
        }
    }
    if (e->type() == QEvent::MouseButtonPress && m->button() == Qt::LeftButton) pressPosition_ = p;
    interactor_->InvokeEvent(id, e);
    if (e->type() == QEvent::MouseButtonRelease && m->button() == Qt::LeftButton &&
        (p - pressPosition_).manhattanLength() <= 3)
        Q_EMIT clicked(p);
}

} // namespace equiscope::views
