// equiscope [FILE] [--model M] [--screenshot OUT.png --size WxH …]: the desktop application.

#include "BatchCapture.h"
#include "CommandLine.h"
#include "DatasetExplorer.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "VtkViewport.h"
#include "util/Runtime.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSurfaceFormat>
#include <cstdio>

namespace {

// After a crash the last autosave is still there: offer it when nothing else was asked for.
bool offerAutosave(equiscope::gui::MainWindow& window) {
    using equiscope::gui::SessionController;
    if (!QFile::exists(SessionController::autosavePath()) ||
        QMessageBox::question(
            &window, QObject::tr("Restore session"),
            QObject::tr("EquiScope did not close cleanly last time. Restore that session?")) !=
            QMessageBox::Yes)
        return false;
    try {
        window.sessions()->restore(equiscope::gui::loadSession(SessionController::autosavePath()));
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(&window, QObject::tr("Restore session"), QString::fromUtf8(e.what()));
        return false;
    }
}

} // namespace

int main(int argc, char** argv) {
    // Before QApplication, or Qt hands out a compatibility context VTK cannot use.
    QSurfaceFormat::setDefaultFormat(equiscope::views::VtkViewport::defaultFormat());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EquiScope"));
    QApplication::setApplicationName(QStringLiteral("EquiScope"));
    QApplication::setApplicationVersion(QStringLiteral(EQUISCOPE_VERSION));
    equiscope::configureRuntime();

    QString error;
    const auto options = equiscope::gui::parseCommandLine(QCoreApplication::arguments(), error);
    if (!options) {
        std::fprintf(stderr, "equiscope: %s\n", qPrintable(error));
        return 2;
    }
    equiscope::gui::MainWindow window;
    const bool batch = !options->screenshot.isEmpty();
    if (batch) equiscope::gui::prepareBatchCapture(window, *options);
    window.show();
    if (options->view == "spherical") window.showSphericalView();
    if (!options->scanResults.isEmpty()) {
        if (!window.openScanResults(options->scanResults)) return batch ? 2 : QApplication::exec();
        window.datasets()->openWorst();
    } else if (batch || options->dataGiven || options->modelGiven || !offerAutosave(window)) {
        window.sessions()->restore(options->state);
    }
    return QApplication::exec();
}
