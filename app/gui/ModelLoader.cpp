#include "ModelLoader.h"

#include "BuiltinModels.h"

#include <QtConcurrent>

namespace equiscope::gui {

ModelLoader::ModelLoader(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ModelLoader::finished);
}

ModelLoader::~ModelLoader() {
    watcher_.waitForFinished();
}

void ModelLoader::load(ModelRequest request, Done done) {
    next_ = Job{std::move(request), std::move(done)};
    if (!watcher_.isRunning()) start();
}

void ModelLoader::start() {
    running_ = std::move(next_);
    next_.reset();
    const std::string name = running_->request.nameOrFile.toStdString();
    const ModelOptions options = running_->request.options;
    watcher_.setFuture(QtConcurrent::run([name, options]() -> Outcome {
        try {
            return {std::shared_ptr<Model>(createModel(name, options)), {}};
        } catch (const std::exception& e) {
            return {nullptr, QString::fromStdString(e.what())};
        }
    }));
}

void ModelLoader::finished() {
    Outcome out = watcher_.result();
    Job job = std::move(*running_);
    running_.reset();
    if (next_) return start(); // superseded: the user asked for another model meanwhile
    job.done(std::move(out.model), job.request, out.error);
}

} // namespace equiscope::gui
