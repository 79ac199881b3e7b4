// equiscope [FILE] [--screenshot OUT.png] [--size WxH]: the desktop application.

#include "Exploration.h"
#include "MainWindow.h"
#include "PartsExplorer.h"
#include "PartsPanel.h"
#include "TrainingPanel.h"
#include "VtkViewport.h"
#include "models/ModelRegistry.h"
#include "util/Runtime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSurfaceFormat>
#include <QTimer>
#include <cstdio>

namespace {

constexpr int kExitBadInput = 2;

bool parseSize(const QString& text, QSize& size) {
    const auto m = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(text);
    if (!m.hasMatch()) return false;
    size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    return size.width() <= 8192 && size.height() <= 8192;
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

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("EquiScope: a desktop lab for equivariant learning."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Data to open (default: the demo scene)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Render, write the view to this PNG and exit."), QStringLiteral("out.png"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QStringLiteral("Viewport size for --screenshot (default 1024x768)."), QStringLiteral("WxH"),
        QStringLiteral("1024x768"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model: a built-in name or a TorchScript file."),
                                   QStringLiteral("M"));
    const QCommandLineOption modelOption(QStringLiteral("model-option"),
                                         QStringLiteral("Model option key=value (repeatable)."),
                                         QStringLiteral("k=v"));
    const QCommandLineOption transform(
        QStringLiteral("transform"),
        QStringLiteral("Transform such as \"SO3:axis=0,0,1;angle=45\"."), QStringLiteral("T"));
    const QCommandLineOption colorBy(
        QStringLiteral("color-by"),
        QStringLiteral("equivariance-error (default with a model) or a field name."),
        QStringLiteral("what"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("auto, cpu or cuda."),
                                    QStringLiteral("D"), QStringLiteral("auto"));
    const QCommandLineOption capture(
        QStringLiteral("capture"),
        QStringLiteral("What --screenshot captures: viewport (default) or window."),
        QStringLiteral("what"), QStringLiteral("viewport"));
    const QCommandLineOption analysis(
        QStringLiteral("analysis"),
        QStringLiteral("Run sweep, profile or lie (Charts dock) or parts (a per-part check in the "
                       "Parts dock) before the screenshot."),
        QStringLiteral("name"));
    const QCommandLineOption train(
        QStringLiteral("train"),
        QStringLiteral("Train PER on a task (inertia, cossim, motion) in the Training tab before "
                       "the screenshot; --capture training grabs that tab."),
        QStringLiteral("task"));
    for (const auto& o : {screenshot, size, model, modelOption, transform, colorBy, device, capture,
                          analysis, train})
        parser.addOption(o);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "equiscope: %s\n", qPrintable(parser.errorText()));
        return kExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
    QSize viewSize;
    if (!parseSize(parser.value(size), viewSize)) {
        std::fprintf(stderr, "equiscope: --size expects WxH such as 1024x768, got '%s'\n",
                     qPrintable(parser.value(size)));
        return kExitBadInput;
    }
    const QStringList files = parser.positionalArguments();

    // The command line describes a session: data, model, transform, colouring.
    equiscope::gui::SessionState state;
    state.data = files.isEmpty() ? QStringLiteral("demo") : files.front();
    try {
        if (parser.isSet(transform))
            state.current = equiscope::Transform::parse(parser.value(transform).toStdString());
        if (parser.isSet(model)) {
            state.model = parser.value(model);
            for (const QString& kv : parser.values(modelOption))
                equiscope::addOption(state.options, kv.toStdString());
            equiscope::gui::makeModel(state.model, state.options); // fail early on bad input
            state.device = QString::fromStdString(
                equiscope::deviceName(equiscope::parseDevice(parser.value(device).toStdString())));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "equiscope: %s\n", e.what());
        return kExitBadInput;
    }
    const QString what = parser.value(capture), chart = parser.value(analysis);
    const QString trainTask = parser.value(train);
    if (!trainTask.isEmpty() && trainTask != "inertia" && trainTask != "cossim" &&
        trainTask != "motion") {
        std::fprintf(stderr, "equiscope: --train takes inertia, cossim or motion\n");
        return kExitBadInput;
    }
    if ((what != "viewport" && what != "window" && what != "training") ||
        (!chart.isEmpty() && chart != "sweep" && chart != "profile" && chart != "lie" &&
         chart != "parts") ||
        (!chart.isEmpty() && !parser.isSet(model))) {
        std::fprintf(stderr,
                     "equiscope: --capture takes viewport, window or training; --analysis takes "
                     "sweep, profile, lie or parts and needs --model\n");
        return kExitBadInput;
    }
    const QString colour = parser.value(colorBy);
    if (!colour.isEmpty() && colour != "equivariance-error") state.colorBy = colour;

    equiscope::gui::MainWindow window;
    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        window.setProperty("batch", true);
        window.viewport()->setFixedSize(viewSize);
        if (what == "window") window.resize(viewSize + QSize(640, 420));
        if (what == "training") window.training()->setFixedSize(viewSize);
        auto shoot = [&window, out, what] {
            // Let the window map and lay out before the frame is grabbed.
            QTimer::singleShot(150, &window, [&window, out, what] {
                const bool written = what == "window" ? window.grab().save(out, "PNG")
                                     : what == "training"
                                         ? window.training()->grab().save(out, "PNG")
                                         : window.exportPng(out);
                if (!written) {
                    std::fprintf(stderr, "equiscope: could not write %s\n", qPrintable(out));
                    QApplication::exit(kExitBadInput);
                    return;
                }
                QApplication::exit(0);
            });
        };
        const bool withModel = !state.model.isEmpty(), training = !trainTask.isEmpty();
        QObject::connect(
            &window, &equiscope::gui::MainWindow::sessionRestored, &window,
            [shoot, withModel, training, trainTask, &window] {
                if (training) {
                    window.training()->setConfig(
                        equiscope::per::PerConfig::defaultsFor(trainTask.toStdString()));
                    window.training()->start();
                } else if (!withModel) {
                    shoot();
                }
            });
        QObject::connect(window.training(), &equiscope::gui::TrainingPanel::finished, &window,
                         [shoot](bool completed) {
                             if (completed)
                                 shoot();
                             else
                                 QApplication::exit(kExitBadInput);
                         });
        auto started = std::make_shared<bool>(false);
        QObject::connect(window.exploration(), &equiscope::gui::Exploration::evaluated, &window,
                         [shoot, &window, chart, started] {
                             // The result for the latest request: the transform of the command
                             // line.
                             if (window.exploration()->worker()->busy() || *started) return;
                             *started = true;
                             if (chart == "sweep")
                                 window.exploration()->runSweep();
                             else if (chart == "profile")
                                 window.exploration()->runProfile();
                             else if (chart == "lie")
                                 window.exploration()->runLie();
                             else if (chart != "parts")
                                 shoot();
                         });
        QObject::connect(window.exploration(), &equiscope::gui::Exploration::analysisDone, &window,
                         [shoot, chart](const QString& name) {
                             if (name == chart) shoot();
                         });
        // --analysis parts: once the partitions are in, a random per-part check; then shoot.
        QObject::connect(window.parts(), &equiscope::gui::PartsExplorer::updated, &window,
                         [shoot, &window, chart] {
                             if (chart != "parts") return;
                             if (!window.parts()->pieceError().empty()) return shoot();
                             window.partsDock()->raise();
                             Q_EMIT window.partsPanel()->checkRequested();
                         });
        QObject::connect(window.exploration()->worker(), &equiscope::gui::ModelWorker::failed,
                         &window, [](const QString& message) {
                             std::fprintf(stderr, "error: %s\n", qPrintable(message));
                             QApplication::exit(kExitBadInput);
                         });
        QObject::connect(&window, &equiscope::gui::MainWindow::loadFailed, &window,
                         [](const QString& message) {
                             std::fprintf(stderr, "error: %s\n", qPrintable(message));
                             QApplication::exit(kExitBadInput);
                         });
    } else {
        window.resize(1400, 900);
    }
    window.show();
    // After a crash the last autosave is still there: offer it when nothing else was asked for.
    if (!parser.isSet(screenshot) && files.isEmpty() && !parser.isSet(model) &&
        QFile::exists(window.autosavePath()) &&
        QMessageBox::question(
            &window, QObject::tr("Restore session"),
            QObject::tr("EquiScope did not close cleanly last time. Restore that session?")) ==
            QMessageBox::Yes) {
        try {
            window.restoreSession(equiscope::gui::loadSession(window.autosavePath()));
            return QApplication::exec();
        } catch (const std::exception& e) {
            QMessageBox::warning(&window, QObject::tr("Restore session"),
                                 QString::fromStdString(e.what()));
        }
    }
    window.restoreSession(state);
    return QApplication::exec();
}
