#pragma once
// The Training tab's controller: PER (or a baseline) on a synthetic task (methods.md
// section 1), trained on a worker thread that can be paused and stopped; every epoch goes
// to the panel's live charts, the result to its levels chart and table.

#include "soft_equivariance/PerTraining.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>

namespace equiscope::views {
class TrainingPanel;
}

namespace equiscope::gui {

class TrainingController : public QObject {
    Q_OBJECT
  public:
    explicit TrainingController(views::TrainingPanel* panel, QObject* parent = nullptr);
    // What the panel offers: the synthetic tasks and the model kinds.
    static QStringList taskNames();
    static QStringList modelKinds();
    ~TrainingController() override;

    views::TrainingPanel* panel() const { return panel_; }
    per::PerConfig config() const;
    void setConfig(const per::PerConfig& config);
    void start();
    void stop();
    void setPaused(bool paused);
    bool paused() const;
    bool running() const { return watcher_.isRunning(); }
    const per::PerResult* result() const { return result_.get(); }

  Q_SIGNALS:
    void finished(bool completed);
    void exploreRequested(); // "explore this model": make the trained model current

  private:
    void taskChanged(const QString& task);
    void runFinished();
    void showResult();

    views::TrainingPanel* panel_;
    std::shared_ptr<CancelToken> cancel_;
    std::shared_ptr<std::string> failure_ = std::make_shared<std::string>();
    QFutureWatcher<std::shared_ptr<per::PerResult>> watcher_;
    std::shared_ptr<per::PerResult> result_;
};

} // namespace equiscope::gui
