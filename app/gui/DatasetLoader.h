#pragma once
// Loads a dataset on a worker thread with progress and cancellation; the GUI thread only
// receives signals.

#include "data/Sample.h"
#include "util/Progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <memory>

namespace equiscope::gui {

class DatasetLoader : public QObject {
    Q_OBJECT
  public:
    explicit DatasetLoader(QObject* parent = nullptr);
    ~DatasetLoader() override;

    // Starts loading a path (or "demo"); a load in flight is cancelled first.
    void load(const QString& pathOrDemo);
    void cancel();
    bool busy() const { return watcher_.isRunning(); }

  Q_SIGNALS:
    void progressed(double fraction, const QString& message);
    void loaded(std::shared_ptr<const equiscope::Dataset> dataset);
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);

  private:
    struct Result {
        std::shared_ptr<const Dataset> dataset;
        QString error;
        bool cancelled = false;
    };
    QFutureWatcher<Result> watcher_;
    std::shared_ptr<CancelToken> token_;
    QString path_;
};

} // namespace equiscope::gui
