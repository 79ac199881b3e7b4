#include "VtkViewport.h"

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QWheelEvent>
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
    renderer_->SetBackground(0.11, 0.12, 0.14);
    renderer_->SetBackground2(0.23, 0.25, 0.29);
    renderer_->GradientBackgroundOn();

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

void VtkViewport::resetCamera() {
    // An oblique view from the front with z (the gravity axis) up.
    vtkCamera* camera = renderer_->GetActiveCamera();
    camera->SetFocalPoint(0, 0, 0);
    camera->SetPosition(0.35, -1.0, 0.55);
    camera->SetViewUp(0, 0, 1);
    renderer_->ResetCamera();
    requestRender();
}

void VtkViewport::initializeGL() {
    window_->SetOwnContext(0);
    window_->SetForceMaximumHardwareLineWidth(1);
    window_->SetReadyForRendering(true);
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
