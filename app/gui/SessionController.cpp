#include "SessionController.h"

#include "EvaluationPanel.h"
#include "Exploration.h"
#include "MainWindow.h"
#include "ModelPanel.h"
#include "PointCloudLayer.h"
#include "QuantityRegistry.h"
#include "TransformPanel.h"
#include "VtkViewport.h"
#include "util/Error.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <vtkCamera.h>
#include <vtkRenderer.h>

namespace equiscope::gui {

namespace {
constexpr int kAutosaveMs = 60 * 1000;

std::vector<std::string> splitFeatures(const QString& features) {
    std::vector<std::string> out;
    for (const QString& f : features.split(',', Qt::SkipEmptyParts))
        out.push_back(f.trimmed().toStdString());
    return out;
}
} // namespace

SessionController::SessionController(MainWindow& window) : QObject(&window), window_(window) {
    connect(&window_, &MainWindow::datasetShown, this, [this] {
        if (pending_) finishRestore();
    });
    autosave_.setInterval(kAutosaveMs);
    connect(&autosave_, &QTimer::timeout, this, [this] {
        if (!window_.dataset()) return;
        QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
        try {
            saveSession(autosavePath(), current());
        } catch (const Error&) { // a full disk must not interrupt the user
        }
    });
    autosave_.start();
}

SessionState SessionController::current() const {
    const Exploration* e = window_.exploration();
    SessionState s;
    s.data = window_.dataset() ? QString::fromStdString(window_.dataset()->source)
                               : QStringLiteral("demo");
    s.model = e->modelName();
    s.options = e->modelOptions();
    s.device = e->device() == DeviceKind::Cuda ? "cuda" : "cpu";
    QStringList features;
    for (const auto& f : e->features()) features << QString::fromStdString(f);
    s.features = features.join(',');
    s.stack = window_.transformPanel()->stack();
    s.current = window_.transformPanel()->current();
    s.colorBy = window_.layer()->quantities()->shown();
    s.colormap = window_.colormapCombo()->currentText();
    s.pointSize = window_.pointSizeBox()->value();
    s.logScale = window_.evaluationPanel()->logScale();
    s.twoPaths = window_.twoPathsAction()->isChecked();
    vtkCamera* c = window_.viewport()->renderer()->GetActiveCamera();
    s.hasCamera = true;
    c->GetPosition(s.cameraPosition.data());
    c->GetFocalPoint(s.cameraFocalPoint.data());
    c->GetViewUp(s.cameraViewUp.data());
    return s;
}

void SessionController::restore(const SessionState& state) {
    pending_ = std::make_unique<SessionState>(state);
    window_.open(state.data);
}

void SessionController::finishRestore() {
    const SessionState s = *pending_;
    pending_.reset();
    if (s.pointSize > 0) window_.pointSizeBox()->setValue(s.pointSize);
    window_.evaluationPanel()->setLogScale(s.logScale);
    window_.twoPathsAction()->setChecked(s.twoPaths);
    window_.transformPanel()->setStack(s.stack);
    window_.transformPanel()->setCurrent(s.current);
    Exploration* e = window_.exploration();
    e->setFeatures(splitFeatures(s.features));
    window_.modelPanel()->setFeatures(s.features);
    if (s.model.isEmpty()) {
        e->clearModel();
        return restoreView(s);
    }
    // The model loads off the GUI thread; the view follows once it is in (or failed, which
    // is reported as any other failure).
    auto once = std::make_shared<QMetaObject::Connection>();
    auto again = std::make_shared<QMetaObject::Connection>();
    auto finish = [this, s, once, again] {
        QObject::disconnect(*once);
        QObject::disconnect(*again);
        restoreView(s);
    };
    *once = connect(e, &Exploration::modelLoaded, this, finish);
    *again = connect(e, &Exploration::modelFailed, this, finish);
    const DeviceKind device =
        s.device == "cuda" && cudaAvailable() ? DeviceKind::Cuda : DeviceKind::Cpu;
    window_.applyModel(s.model, s.options, device);
}

void SessionController::restoreView(const SessionState& s) {
    if (!s.colorBy.isEmpty()) window_.layer()->quantities()->show(s.colorBy);
    window_.colormapCombo()->setCurrentText(s.colormap);
    if (s.hasCamera) restoreCamera(s);
    Q_EMIT restored();
}

void SessionController::restoreCamera(const SessionState& s) {
    vtkRenderer* renderer = window_.viewport()->renderer();
    vtkCamera* c = renderer->GetActiveCamera();
    c->SetPosition(s.cameraPosition.data());
    c->SetFocalPoint(s.cameraFocalPoint.data());
    c->SetViewUp(s.cameraViewUp.data());
    renderer->ResetCameraClippingRange();
    window_.viewport()->requestRender();
}

void SessionController::saveAs() {
    const QString path = QFileDialog::getSaveFileName(&window_, tr("Save session"),
                                                      QStringLiteral("session.equiscope.json"),
                                                      tr("EquiScope sessions (*.json)"));
    if (path.isEmpty()) return;
    try {
        saveSession(path, current());
        window_.setStatus(tr("Session saved to %1").arg(path));
    } catch (const Error& e) {
        QMessageBox::warning(&window_, tr("Save session"), QString::fromStdString(e.what()));
    }
}

void SessionController::openFile() {
    const QString path = QFileDialog::getOpenFileName(&window_, tr("Open session"), QString(),
                                                      tr("EquiScope sessions (*.json)"));
    if (path.isEmpty()) return;
    try {
        restore(loadSession(path));
    } catch (const Error& e) {
        QMessageBox::warning(&window_, tr("Open session"), QString::fromStdString(e.what()));
    }
}

void SessionController::cleanExit() {
    QFile::remove(autosavePath());
}

QString SessionController::autosavePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave.equiscope.json");
}

} // namespace equiscope::gui
