#pragma once
// Shared set-up of the GUI suites: a batch-mode main window with a fixed viewport on some
// data, and a main() with the GL surface format VTK needs.

#include "Exploration.h"
#include "MainWindow.h"
#include "VtkViewport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QtTest>
#include <memory>

namespace equiscope::test {

// QOpenGLWidget needs an X server with GL (xvfb-run); Qt's offscreen platform has none.
inline bool hasGl() {
    return QGuiApplication::platformName() != "offscreen" &&
           QGuiApplication::platformName() != "minimal";
}

// Shown, exposed and with `data` loaded; nullptr when loading failed.
inline std::unique_ptr<gui::MainWindow> openWindow(const QString& data, QSize viewport) {
    auto window = std::make_unique<gui::MainWindow>();
    window->setProperty("batch", true);
    window->viewport()->setFixedSize(viewport);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
    QSignalSpy shown(window.get(), &gui::MainWindow::datasetShown);
    window->open(data);
    return shown.wait(30000) ? std::move(window) : nullptr;
}

// Applies the model (loaded off the GUI thread) and waits for the load: the error message,
// empty on success.
inline QString applyModelAndWait(gui::MainWindow& window, const QString& model,
                                 const ModelOptions& options = {}) {
    QSignalSpy loaded(window.exploration(), &gui::Exploration::modelLoaded);
    QSignalSpy failed(window.exploration(), &gui::Exploration::modelFailed);
    window.applyModel(model, options, DeviceKind::Cpu);
    QElapsedTimer clock;
    clock.start();
    while (loaded.isEmpty() && failed.isEmpty() && clock.elapsed() < 120000) QTest::qWait(5);
    if (!failed.isEmpty()) return failed.front().at(1).toString();
    return loaded.isEmpty() ? QStringLiteral("timed out loading %1").arg(model) : QString();
}

} // namespace equiscope::test

#define EQUISCOPE_GUI_TEST_MAIN(TestClass)                                                         \
    int main(int argc, char** argv) {                                                              \
        QSurfaceFormat::setDefaultFormat(equiscope::views::VtkViewport::defaultFormat());          \
        QApplication app(argc, argv);                                                              \
        QApplication::setOrganizationName("EquiScopeTests");                                       \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
