#include "BatchCapture.h"

#include "AugmentController.h"
#include "AugmentPanel.h"
#include "Exploration.h"
#include "MainWindow.h"
#include "PartsExplorer.h"
#include "PartsPanel.h"
#include "SessionController.h"
#include "TrainingController.h"
#include "TrainingPanel.h"
#include "VtkViewport.h"

#include <QApplication>
#include <QDockWidget>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace equiscope::gui {

namespace {

constexpr int kExitBadInput = 2;

void fail(const QString& message) {
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    QApplication::exit(kExitBadInput);
}

// What --capture training grabs: the panel of the method --train runs.
QWidget* trainingPanel(MainWindow& window, const LaunchOptions& o) {
    if (o.train == "shapes") return window.augmentTraining()->panel();
    return window.training()->panel();
}

// Lets the window map and lay out, then writes the PNG and exits.
void shoot(MainWindow& window, const LaunchOptions& o) {
    QTimer::singleShot(150, &window, [&window, o] {
        const bool written = o.capture == "window" ? window.grab().save(o.screenshot, "PNG")
                             : o.capture == "training"
                                 ? trainingPanel(window, o)->grab().save(o.screenshot, "PNG")
                                 : window.exportPng(o.screenshot);
        if (!written) return fail(QStringLiteral("could not write %1").arg(o.screenshot));
        QApplication::exit(0);
    });
}

void fixSizes(MainWindow& window, const LaunchOptions& o) {
    window.setProperty("batch", true);
    window.resetLayout();
    if (o.capture == "window") {
        window.setFixedSize(o.size); // the PNG is the window: exactly W x H
    } else if (o.capture == "training") {
        trainingPanel(window, o)->setFixedSize(o.size);
    } else {
        window.viewport()->setFixedSize(o.size);
    }
}

// After the first live result: the analysis asked for, or the capture.
void connectAnalyses(MainWindow& window, const LaunchOptions& o) {
    Exploration* e = window.exploration();
    auto started = std::make_shared<bool>(false);
    QObject::connect(e, &Exploration::evaluated, &window, [&window, o, e, started] {
        if (e->worker()->busy() || *started) return; // the command line's transform first
        *started = true;
        if (o.analysis == "sweep") return e->runSweep();
        if (o.analysis == "profile") return e->runProfile();
        if (o.analysis == "lie") return e->runLie();
        if (o.analysis != "parts") shoot(window, o);
    });
    QObject::connect(e, &Exploration::analysisDone, &window, [&window, o](const QString& name) {
        if (name == o.analysis) shoot(window, o);
    });
    // --analysis parts: once the partitions are in, a random per-part check; then shoot.
    QObject::connect(window.parts(), &PartsExplorer::updated, &window, [&window, o] {
        if (o.analysis != "parts") return;
        if (!window.parts()->pieceError().empty()) return shoot(window, o);
        window.partsDock()->show();
        window.partsDock()->raise();
        Q_EMIT window.partsPanel()->checkRequested();
    });
}

} // namespace

void prepareBatchCapture(MainWindow& window, const LaunchOptions& o) {
    fixSizes(window, o);
    QObject::connect(window.sessions(), &SessionController::restored, &window, [&window, o] {
        if (o.train == "shapes") {
            window.showTrainingMethod(1);
            auto config = window.augmentTraining()->config();
            if (o.trainEpochs > 0) { // the warm-up keeps its share of the epochs
                config.dualStart = config.dualStart * o.trainEpochs / config.epochs;
                config.epochs = o.trainEpochs;
            }
            window.augmentTraining()->setConfig(config);
            window.augmentTraining()->start();
        } else if (!o.train.isEmpty()) {
            auto config = per::PerConfig::defaultsFor(o.train.toStdString());
            if (o.trainEpochs > 0) config.setEpochs(o.trainEpochs);
            window.training()->setConfig(config);
            window.training()->start();
        } else if (!o.modelGiven) {
            shoot(window, o);
        }
    });
    const auto trained = [&window, o](bool completed) {
        if (completed) return shoot(window, o);
        QApplication::exit(kExitBadInput);
    };
    QObject::connect(window.training(), &TrainingController::finished, &window, trained);
    QObject::connect(window.augmentTraining(), &AugmentController::finished, &window, trained);
    connectAnalyses(window, o);
    QObject::connect(window.exploration()->worker(), &ModelWorker::failed, &window, &fail);
    QObject::connect(window.exploration(), &Exploration::modelFailed, &window,
                     [](const QString&, const QString& error) { fail(error); });
    QObject::connect(&window, &MainWindow::loadFailed, &window, &fail);
}

} // namespace equiscope::gui
