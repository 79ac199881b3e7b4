#pragma once
// Shared set-up of the GUI suites: a batch-mode main window with a fixed viewport on some
// data, and a main() with the GL surface format VTK needs.

#include "MainWindow.h"
#include "VtkViewport.h"

#include <QApplication>
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

} // namespace equiscope::test

#define EQUISCOPE_GUI_TEST_MAIN(TestClass)                                                         \
    int main(int argc, char** argv) {                                                              \
        QSurfaceFormat::setDefaultFormat(equiscope::views::VtkViewport::defaultFormat());          \
        QApplication app(argc, argv);                                                              \
        QApplication::setOrganizationName("EquiScopeTests");                                       \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
