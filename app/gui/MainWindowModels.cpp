// MainWindow: applying a model (loaded off the GUI thread) and what follows its outcome.
#include "Exploration.h"
#include "MainWindow.h"
#include "ModelPanel.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <optional>

namespace equiscope::gui {

namespace {

// The answers a TorchScript file without equiscope.json needs (model-format.md).
std::optional<ModelOptions> askModelSpec(QWidget* parent, const QString& file) {
    bool ok = false;
    const QString output = QInputDialog::getItem(
        parent, QObject::tr("Model output"),
        QObject::tr("%1 has no spec. What does it return?").arg(QFileInfo(file).fileName()),
        {"position", "vector", "pseudovector", "scalar", "tensor2"}, 0, false, &ok);
    if (!ok) return std::nullopt;
    const QString per =
        QInputDialog::getItem(parent, QObject::tr("Model output"), QObject::tr("One output per"),
                              {"node", "graph"}, 0, false, &ok);
    if (!ok) return std::nullopt;
    const int f =
        QInputDialog::getInt(parent, QObject::tr("Model features"),
                             QObject::tr("Feature channels F (width of feat)"), 1, 0, 4096, 1, &ok);
    if (!ok) return std::nullopt;
    return ModelOptions{{"output", output.toStdString()},
                        {"per", per.toStdString()},
                        {"feature_dim", std::to_string(f)}};
}

} // namespace

void MainWindow::connectModels() {
    connect(exploration_, &Exploration::modelLoaded, this, [this](const QString& name) {
        askModelSpec_ = false;
        modelPanel_->setSelection(name, exploration_->modelOptions(), exploration_->device());
        // Claims are shown with a measured verdict: measure them right away (after the
        // first live result, on the worker). Batch runs skip it.
        if (!property("batch").toBool()) exploration_->checkClaims();
        statusText_->setText(tr("Model %1 applied; evaluating…").arg(QFileInfo(name).fileName()));
    });
    connect(exploration_, &Exploration::modelFailed, this, &MainWindow::modelFailed);
}

void MainWindow::applyModelFromPanel() {
    std::vector<std::string> features;
    for (const QString& f : modelPanel_->features().split(',', Qt::SkipEmptyParts))
        features.push_back(f.trimmed().toStdString());
    exploration_->setFeatures(features);
    askModelSpec_ = !property("batch").toBool();
    applyModel(modelPanel_->modelName(), modelPanel_->options(), modelPanel_->device());
}

void MainWindow::applyModel(const QString& nameOrFile, const ModelOptions& options,
                            DeviceKind device) {
    statusText_->setText(tr("Loading model %1…").arg(QFileInfo(nameOrFile).fileName()));
    exploration_->applyModel(nameOrFile, options, device);
}

void MainWindow::modelFailed(const QString& nameOrFile, const QString& error) {
    const bool ask = askModelSpec_ && error.contains("has no equiscope.json");
    askModelSpec_ = false;
    if (ask) { // once: a second failure is reported
        if (const auto options = askModelSpec(this, nameOrFile))
            applyModel(nameOrFile, *options, modelPanel_->device());
        return;
    }
    statusText_->setText(tr("Model not applied: %1").arg(error));
    if (!property("batch").toBool()) QMessageBox::warning(this, tr("Model"), error);
}

} // namespace equiscope::gui
