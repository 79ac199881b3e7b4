// equiscope [FILE] [--screenshot OUT.png] [--size WxH]: the desktop application.

#include "MainWindow.h"
#include "VtkViewport.h"
#include "util/Runtime.h"

#include <QApplication>
#include <QCommandLineParser>
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
    parser.addOption(screenshot);
    parser.addOption(size);
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
    const QString data = files.isEmpty() ? QStringLiteral("demo") : files.front();

    equiscope::gui::MainWindow window;
    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        window.setProperty("batch", true);
        window.viewport()->setFixedSize(viewSize);
        QObject::connect(
            &window, &equiscope::gui::MainWindow::datasetShown, &window, [&window, out] {
                // Let the window map and lay out before the frame is grabbed.
                QTimer::singleShot(50, &window, [&window, out] {
                    if (!window.exportPng(out)) {
                        std::fprintf(stderr, "equiscope: could not write %s\n", qPrintable(out));
                        QApplication::exit(kExitBadInput);
                        return;
                    }
                    QApplication::exit(0);
                });
            });
        QObject::connect(&window, &equiscope::gui::MainWindow::loadFailed, &window,
                         [](const QString& message) {
                             std::fprintf(stderr, "error: %s\n", qPrintable(message));
                             QApplication::exit(kExitBadInput);
                         });
    } else {
        window.resize(1280, 800);
    }
    window.show();
    window.open(data);
    return QApplication::exec();
}
