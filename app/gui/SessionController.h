#pragma once
// Sessions of the main window: what is open and how it is shown (data, model, transforms,
// colours, camera) as a SessionState; restoring one (the data opens first, the rest once
// it is shown); File ▸ Save/Open Session; and an autosave every minute that a clean exit
// removes, so that a crash can be recovered from on the next start.

#include "Session.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace equiscope::gui {

class MainWindow;

class SessionController : public QObject {
    Q_OBJECT
  public:
    explicit SessionController(MainWindow& window);

    SessionState current() const;
    // Opens the session's data, then restores model, transforms, view and camera; restored()
    // once the model is in.
    void restore(const SessionState& state);
    void saveAs();
    void openFile();
    void cleanExit(); // nothing to recover next time
    static QString autosavePath();

  Q_SIGNALS:
    void restored();

  private:
    void finishRestore();
    void restoreView(const SessionState& s); // colours and camera, then restored()
    void restoreCamera(const SessionState& s);

    MainWindow& window_;
    QTimer autosave_;
    std::unique_ptr<SessionState> pending_;
};

} // namespace equiscope::gui
