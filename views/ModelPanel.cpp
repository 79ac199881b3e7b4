#include "ModelPanel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace equiscope::views {

namespace {
const QString kTorchScript = QStringLiteral("TorchScript file…");
}

bool claimHolds(double meanError) {
    return meanError < 1e-4;
}

ModelPanel::ModelPanel(const ModelRegistry& registry, QWidget* parent)
    : QWidget(parent), registry_(registry) {
    auto* layout = new QVBoxLayout(this);
    models_ = new QComboBox(this);
    for (const ModelInfo* m : registry_.all()) {
        models_->addItem(QString::fromStdString(m->name));
        models_->setItemData(models_->count() - 1, QString::fromStdString(m->description),
                             Qt::ToolTipRole);
    }
    models_->addItem(kTorchScript);
    layout->addWidget(models_);
    auto* fileRow = new QHBoxLayout;
    file_ = new QLineEdit(this);
    file_->setPlaceholderText(tr("model.pt (TorchScript with equiscope.json)"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(browse);
    layout->addLayout(fileRow);
    options_ = new QTableWidget(0, 2, this);
    options_->setHorizontalHeaderLabels({tr("Option"), tr("Value")});
    options_->horizontalHeader()->setStretchLastSection(true);
    options_->verticalHeader()->hide();
    layout->addWidget(options_, 1);
    features_ = new QLineEdit(this);
    features_->setPlaceholderText(tr("feat fields, e.g. radius (default: the scalar fields)"));
    features_->setToolTip(
        tr("Fields that become the model's feat input, comma-separated (model-format.md)"));
    layout->addWidget(features_);
    auto* row = new QHBoxLayout;
    device_ = new QComboBox(this);
    device_->addItem(QStringLiteral("cpu"));
    if (cudaAvailable()) device_->addItem(QStringLiteral("cuda"));
    device_->setToolTip(tr("CUDA is offered when LibTorch sees a GPU"));
    auto* apply = new QPushButton(tr("Apply"), this);
    auto* check = new QPushButton(tr("Check claims"), this);
    row->addWidget(new QLabel(tr("Device"), this));
    row->addWidget(device_);
    row->addStretch(1);
    row->addWidget(check);
    row->addWidget(apply);
    layout->addLayout(row);
    info_ = new QLabel(tr("No model yet: pick one and press Apply."), this);
    info_->setWordWrap(true);
    info_->setTextFormat(Qt::RichText);
    layout->addWidget(info_);

    connect(models_, &QComboBox::currentTextChanged, this, &ModelPanel::fillOptions);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("TorchScript model"), QString(),
                                         tr("TorchScript (*.pt *.pth);;All files (*)"));
        if (path.isEmpty()) return;
        models_->setCurrentText(kTorchScript);
        file_->setText(path);
    });
    connect(apply, &QPushButton::clicked, this, &ModelPanel::applyRequested);
    connect(check, &QPushButton::clicked, this, &ModelPanel::checkClaimsRequested);
    fillOptions();
}

void ModelPanel::fillOptions() {
    const bool file = models_->currentText() == kTorchScript;
    file_->setEnabled(file);
    options_->setRowCount(0);
    const ModelInfo* info = registry_.find(models_->currentText().toStdString());
    if (!info) return;
    for (const auto& o : info->options) {
        const int r = options_->rowCount();
        options_->insertRow(r);
        auto* key = new QTableWidgetItem(QString::fromStdString(o.name));
        key->setFlags(key->flags() & ~Qt::ItemIsEditable);
        key->setToolTip(QString::fromStdString(o.help));
        options_->setItem(r, 0, key);
        options_->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(o.defaultValue)));
    }
    // Not a model option: trained weights loaded after the model is made (as the CLI's
    // --load).
    const int r = options_->rowCount();
    options_->insertRow(r);
    auto* key = new QTableWidgetItem(QString::fromLatin1(kWeightsOption));
    key->setFlags(key->flags() & ~Qt::ItemIsEditable);
    key->setToolTip(tr("Weights file written by train … --out DIR (DIR/model.pt); empty: the "
                       "seeded initial weights"));
    options_->setItem(r, 0, key);
    options_->setItem(r, 1, new QTableWidgetItem(QString()));
}

QString ModelPanel::modelName() const {
    return models_->currentText() == kTorchScript ? file_->text() : models_->currentText();
}

ModelOptions ModelPanel::options() const {
    ModelOptions out;
    for (int r = 0; r < options_->rowCount(); ++r) {
        const std::string key = options_->item(r, 0)->text().toStdString(),
                          value = options_->item(r, 1)->text().trimmed().toStdString();
        if (key != kWeightsOption || !value.empty()) out[key] = value;
    }
    return out;
}

QString ModelPanel::features() const {
    return features_->text().trimmed();
}
void ModelPanel::setFeatures(const QString& features) {
    features_->setText(features);
}

DeviceKind ModelPanel::device() const {
    return device_->currentText() == "cuda" ? DeviceKind::Cuda : DeviceKind::Cpu;
}

void ModelPanel::setSelection(const QString& nameOrFile, const ModelOptions& options,
                              DeviceKind device) {
    if (registry_.find(nameOrFile.toStdString())) {
        models_->setCurrentText(nameOrFile);
    } else {
        models_->setCurrentText(kTorchScript);
        file_->setText(nameOrFile);
    }
    for (int r = 0; r < options_->rowCount(); ++r) {
        const auto it = options.find(options_->item(r, 0)->text().toStdString());
        if (it != options.end()) options_->item(r, 1)->setText(QString::fromStdString(it->second));
    }
    device_->setCurrentText(device == DeviceKind::Cuda && device_->findText("cuda") >= 0 ? "cuda"
                                                                                         : "cpu");
}

void ModelPanel::showModel(const Model* model, const std::map<std::string, double>& verdicts) {
    if (!model) {
        info_->setText(tr("No model."));
        return;
    }
    const ModelSpec& s = model->spec();
    QString inputs;
    for (const auto& i : s.inputs)
        inputs += (inputs.isEmpty() ? "" : ", ") + QString::fromStdString(i);
    QString text =
        tr("<b>%1</b><br>inputs: %2 (F = %3)<br>output: %4 per %5 (C = %6)<br>claims:")
            .arg(QString::fromStdString(model->name()).toHtmlEscaped(), inputs)
            .arg(s.featureDim)
            .arg(QString::fromUtf8(fieldTypeName(s.output).data()), s.perNode ? "node" : "graph")
            .arg(s.channels());
    if (s.symmetries.empty()) text += tr(" none");
    for (const auto& claim : s.symmetries) {
        const auto it = verdicts.find(claim);
        text += "<br>&nbsp;&nbsp;" + QString::fromStdString(claim) + ": ";
        if (it == verdicts.end())
            text += tr("<i>not measured yet</i>");
        else if (claimHolds(it->second))
            text += tr("<span style='color:#2e9d3a'>holds</span> (mean error %1)")
                        .arg(it->second, 0, 'g', 3);
        else
            text += tr("<span style='color:#d33'>broken</span> (mean error %1)")
                        .arg(it->second, 0, 'g', 3);
    }
    info_->setText(text);
}

QString ModelPanel::infoText() const {
    return info_->text();
}

} // namespace equiscope::views
