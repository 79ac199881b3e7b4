#include "CommandLine.h"

#include "BuiltinModels.h"
#include "TrainingController.h"
#include "models/ModelRegistry.h"
#include "util/Runtime.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace equiscope::gui {

namespace {

bool parseSize(const QString& text, QSize& size) {
    const auto m = QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(text);
    if (!m.hasMatch()) return false;
    size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    return size.width() <= 8192 && size.height() <= 8192;
}

QCommandLineOption option(const char* name, const char* help, const char* value = nullptr,
                          const char* fallback = nullptr) {
    return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                                      QString::fromLatin1(value),
                                      fallback ? QString::fromLatin1(fallback) : QString())
                 : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help));
}

// The model, its options, the device and the transform into `state`; throws on bad input.
void readSession(const QCommandLineParser& p, SessionState& state) {
    if (p.isSet("transform")) state.current = Transform::parse(p.value("transform").toStdString());
    if (!p.isSet("model")) return;
    state.model = p.value("model");
    for (const QString& kv : p.values("model-option")) addOption(state.options, kv.toStdString());
    createModel(state.model.toStdString(), state.options); // fail early on bad options
    state.device = QString::fromStdString(deviceName(parseDevice(p.value("device").toStdString())));
}

} // namespace

std::optional<LaunchOptions> parseCommandLine(const QStringList& arguments, QString& error) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("EquiScope: a desktop lab for equivariant learning."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument("file", "Data to open (default: the demo scene).");
    p.addOptions({
        option("screenshot", "Render, write a PNG and exit.", "out.png"),
        option("size", "Pixel size of the capture (default 1024x768).", "WxH", "1024x768"),
        option("model", "Model: a built-in name or a TorchScript file.", "M"),
        option("model-option", "Model option key=value (repeatable).", "k=v"),
        option("transform", "Transform such as \"SO3:axis=0,0,1;angle=45\".", "T"),
        option("color-by", "equivariance-error (default with a model) or a quantity's name.",
               "what"),
        option("device", "auto, cpu or cuda.", "D", "auto"),
        option("capture", "What --screenshot captures: viewport (default), window or training.",
               "what", "viewport"),
        option("analysis",
               "Run sweep, profile or lie (Charts dock) or parts (Parts dock) before "
               "the screenshot; needs --model.",
               "name"),
        option("train",
               "Train PER on a task (inertia, cossim, motion), or augment on shapes, in "
               "the Training tab before the screenshot.",
               "task"),
        option("train-epochs",
               "Epochs of --train (default: the task's own; shapes: the warm-up keeps its "
               "share).",
               "N"),
        option("view", "Open a view at start: spherical (Spherical functions).", "name"),
        option("scan-results",
               "Open a scan's results (equiscope-cli scan --out FILE) in the Dataset dock, and "
               "its worst unit with the element of its max error.",
               "FILE"),
    });
    if (!p.parse(arguments)) {
        error = p.errorText();
        return std::nullopt;
    }
    if (p.isSet("help")) p.showHelp(0);
    if (p.isSet("version")) p.showVersion();
    LaunchOptions o;
    if (!parseSize(p.value("size"), o.size)) {
        error =
            QStringLiteral("--size expects WxH such as 1024x768, got '%1'").arg(p.value("size"));
        return std::nullopt;
    }
    const QStringList files = p.positionalArguments();
    o.dataGiven = !files.isEmpty();
    o.state.data = o.dataGiven ? files.front() : QStringLiteral("demo");
    try {
        readSession(p, o.state);
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
    o.modelGiven = !o.state.model.isEmpty();
    o.screenshot = p.value("screenshot");
    o.capture = p.value("capture");
    o.analysis = p.value("analysis");
    o.train = p.value("train");
    o.view = p.value("view");
    o.scanResults = p.value("scan-results");
    if (!o.view.isEmpty() && o.view != "spherical") {
        error = QStringLiteral("--view takes spherical, got '%1'").arg(o.view);
        return std::nullopt;
    }
    if (p.isSet("train-epochs")) {
        bool ok = false;
        o.trainEpochs = p.value("train-epochs").toInt(&ok);
        if (!ok || o.trainEpochs < 1 || o.trainEpochs > 100000) {
            error = QStringLiteral("--train-epochs expects a whole number from 1 to 100000, "
                                   "got '%1'")
                        .arg(p.value("train-epochs"));
            return std::nullopt;
        }
    }
    const QStringList trainable = TrainingController::taskNames() << "shapes";
    if (!o.train.isEmpty() && !trainable.contains(o.train)) {
        error = QStringLiteral("--train takes %1").arg(trainable.join(", "));
        return std::nullopt;
    }
    if (!QStringList{"viewport", "window", "training"}.contains(o.capture) ||
        (!o.analysis.isEmpty() &&
         (!QStringList{"sweep", "profile", "lie", "parts"}.contains(o.analysis) ||
          !o.modelGiven))) {
        error = QStringLiteral("--capture takes viewport, window or training; --analysis takes "
                               "sweep, profile, lie or parts and needs --model");
        return std::nullopt;
    }
    const QString colour = p.value("color-by");
    if (!colour.isEmpty() && colour != "equivariance-error") o.state.colorBy = colour;
    return o;
}

} // namespace equiscope::gui
