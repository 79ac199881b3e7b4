#pragma once
// Makes models off the GUI thread: loading a TorchScript file (or a built-in model's trained
// weights) can take seconds, and the window must keep drawing meanwhile. One load runs at a
// time; a newer request supersedes an older one, whose model is then dropped unseen.

#include "models/Device.h"
#include "models/Model.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace equiscope::gui {

struct ModelRequest {
    QString nameOrFile; // a built-in name or a TorchScript file
    ModelOptions options;
    DeviceKind device = DeviceKind::Cpu;
};

class ModelLoader : public QObject {
    Q_OBJECT
  public:
    // Called on the GUI thread with the model, or with nullptr and the error message.
    using Done = std::function<void(std::shared_ptr<Model>, const ModelRequest&, const QString&)>;

    explicit ModelLoader(QObject* parent = nullptr);
    ~ModelLoader() override;

    void load(ModelRequest request, Done done);
    bool loading() const { return watcher_.isRunning(); }

  private:
    struct Outcome {
        std::shared_ptr<Model> model;
        QString error;
    };
    void start();
    void finished();

    struct Job {
        ModelRequest request;
        Done done;
    };
    std::optional<Job> running_, next_;
    QFutureWatcher<Outcome> watcher_;
};

} // namespace equiscope::gui
