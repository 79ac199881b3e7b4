#pragma once
// The model dock: a built-in model with its options, or a TorchScript file; the device;
// the model's input and output types and its claimed symmetries with a measured verdict
// next to each after "Check claims".

#include "models/ModelRegistry.h"

#include <QWidget>
#include <map>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace equiscope::views {

class ModelPanel : public QWidget {
    Q_OBJECT
  public:
    ModelPanel(const ModelRegistry& registry, QWidget* parent = nullptr);

    QString modelName() const; // a built-in name or a file path
    ModelOptions options() const;
    DeviceKind device() const;
    QString features() const; // comma-separated field names; empty: the spec's default rule
    void setFeatures(const QString& features);
    void setSelection(const QString& nameOrFile, const ModelOptions& options, DeviceKind device);

    // What the applied model declares; verdicts: group -> measured mean error (absent: not yet
    // checked).
    void showModel(const Model* model, const std::map<std::string, double>& verdicts);
    QString infoText() const;

  Q_SIGNALS:
    void applyRequested();
    void checkClaimsRequested();

  private:
    void fillOptions();

    const ModelRegistry& registry_;
    QComboBox* models_ = nullptr;
    QComboBox* device_ = nullptr;
    QLineEdit* file_ = nullptr;
    QLineEdit* features_ = nullptr;
    QTableWidget* options_ = nullptr;
    QLabel* info_ = nullptr;
};

// Verdict of a measured mean error against a claim: below 1e-4 (float32 round-off for
// normalised outputs) counts as holding.
bool claimHolds(double meanError);

} // namespace equiscope::views
