#include "DatasetLoader.h"

#include "io/LoadDataset.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>
#include <chrono>

namespace equiscope::gui {

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<Result>::finished, this, [this] {
        const Result r = watcher_.result();
        if (r.cancelled)
            Q_EMIT cancelled(path_);
        else if (r.dataset)
            Q_EMIT loaded(r.dataset);
        else
            Q_EMIT failed(path_, r.error);
    });
}

DatasetLoader::~DatasetLoader() {
    cancel();
    watcher_.waitForFinished();
}

void DatasetLoader::cancel() {
    if (token_) token_->cancel();
}

void DatasetLoader::load(const QString& pathOrDemo) {
    cancel();
    watcher_.waitForFinished();
    path_ = pathOrDemo;
    token_ = std::make_shared<CancelToken>();
    QPointer<DatasetLoader> self(this);
    const std::string path = pathOrDemo.toStdString();
    const auto token = token_;
    watcher_.setFuture(QtConcurrent::run([self, path, token]() -> Result {
        // At most ~20 progress signals a second reach the GUI thread.
        auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
        Progress progress(
            [self, &last](double fraction, const std::string& message) {
                const auto now = std::chrono::steady_clock::now();
                if (now - last < std::chrono::milliseconds(50)) return;
                last = now;
                const QString text = QString::fromStdString(message);
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, fraction, text] {
                        if (self) Q_EMIT self->progressed(fraction, text);
                    },
                    Qt::QueuedConnection);
            },
            token.get());
        Result r;
        try {
            r.dataset = std::make_shared<const Dataset>(loadDataset(path, progress));
        } catch (const Cancelled&) {
            r.cancelled = true;
        } catch (const std::exception& e) {
            r.error = QString::fromStdString(e.what());
        }
        return r;
    }));
}

} // namespace equiscope::gui
