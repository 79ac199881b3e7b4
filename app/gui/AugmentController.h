#pragma once
// The Training tab's augment method: a shapes classifier trained with invariance-constrained
// augmentation (plugins/augment) on a worker thread that can be paused and stopped; every
// epoch goes to the AugmentPanel's live charts, the final dual variables to its level bars.

#include "augment/ShapeClassifier.h"

#include <QFutureWatcher>
#include <QObject>
#include <memory>

namespace equiscope::views {
class AugmentPanel;
}

namespace equiscope::gui {

class AugmentController : public QObject {
    Q_OBJECT
  public:
    explicit AugmentController(views::AugmentPanel* panel, QObject* parent = nullptr);
    ~AugmentController() override;
    static QStringList modelKinds(); // the classifiers it trains

    views::AugmentPanel* panel() const { return panel_; }
    // The panel's settings over the last setConfig's (the rest: classes, points, ...).
    augment::ClassifyConfig config() const; // throws Error for bad families
    void setConfig(const augment::ClassifyConfig& config);
    void start();
    void stop();
    void setPaused(bool paused);
    bool paused() const;
    bool running() const { return watcher_.isRunning(); }
    const augment::ClassifyResult* result() const { return result_.get(); }

  Q_SIGNALS:
    void finished(bool completed);

  private:
    void runFinished();
    void showResult();

    views::AugmentPanel* panel_;
    std::shared_ptr<CancelToken> cancel_;
    std::shared_ptr<std::string> failure_ = std::make_shared<std::string>();
    QFutureWatcher<std::shared_ptr<augment::ClassifyResult>> watcher_;
    std::shared_ptr<augment::ClassifyResult> result_;
    augment::ClassifyConfig base_;
};

} // namespace equiscope::gui
