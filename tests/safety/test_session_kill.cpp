// A process killed (SIGKILL) at random points while it writes a session file and an
// autosave, over and over: after every kill, both files on disk open and equal one of the
// complete versions that were written, so the previous session always survives.

#include "Session.h"
#include "TestSupport.h"
#include "util/Error.h"

#include <chrono>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace equiscope;
using namespace equiscope::gui;

namespace {

constexpr int kVersions = 5;
constexpr int kKills = 200;

// Version k of the session: a long transform stack, so that a write takes long enough to
// be cut in the middle.
SessionState version(int k) {
    SessionState s;
    s.data = QStringLiteral("cloud-%1.ply").arg(k);
    s.model = QStringLiteral("egnn");
    s.options = {{"hidden", std::to_string(16 + k)}};
    for (int i = 0; i < 300; ++i) {
        Transform t = Transform::identity("SO3");
        for (std::size_t j = 0; j < t.values.size(); ++j) t.values[j] = 0.001 * (k + i + j);
        s.stack.push_back(t);
    }
    s.hasCamera = true;
    s.cameraPosition = {1.0 * k, 2, 3};
    return s;
}

// Which complete version `path` holds; -1 with `problem` set when it holds none or does
// not open.
int versionOn(const QString& path, QString& problem) {
    try {
        const SessionState s = loadSession(path);
        for (int k = 0; k < kVersions; ++k)
            if (s == version(k)) return k;
        problem = path + " holds a session that is none of the versions written";
    } catch (const Error& e) {
        problem = QString::fromUtf8(e.what());
    }
    return -1;
}

// The child: writes the session and the autosave in turn, one version after the other,
// until it is killed (or after 20 s, should the parent be gone).
[[noreturn]] void writeForever(const QString& session, const QString& autosave, int ready) {
    const char byte = 1;
    if (::write(ready, &byte, 1) != 1) ::_exit(1);
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    for (int k = 0; std::chrono::steady_clock::now() < end; ++k) {
        saveSession(session, version(k % kVersions));
        saveSession(autosave, version((k + 2) % kVersions));
    }
    ::_exit(0);
}

} // namespace

class TestSessionKill : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void killedWritesLeaveACompleteSession() {
        const QString session = dir_.filePath("work.equiscope.json");
        const QString autosave = dir_.filePath("autosave.equiscope.json");
        saveSession(session, version(0));
        saveSession(autosave, version(0));
        std::mt19937 rng(2026);
        std::uniform_int_distribution<int> delayUs(0, 20000);
        std::vector<int> seen(kVersions, 0);
        for (int kill = 0; kill < kKills; ++kill) {
            int ready[2];
            QVERIFY(::pipe(ready) == 0);
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) writeForever(session, autosave, ready[1]);
            char byte = 0;
            QVERIFY(::read(ready[0], &byte, 1) == 1);
            ::close(ready[0]);
            ::close(ready[1]);
            ::usleep(static_cast<useconds_t>(delayUs(rng)));
            QVERIFY(::kill(child, SIGKILL) == 0);
            int status = 0;
            QVERIFY(::waitpid(child, &status, 0) == child);
            QVERIFY2(WIFSIGNALED(status), "the writer ended before it was killed");
            for (const QString& path : {session, autosave}) {
                QString problem;
                const int k = versionOn(path, problem);
                QVERIFY2(k >= 0, qPrintable(QStringLiteral("kill %1: %2").arg(kill).arg(problem)));
                ++seen[static_cast<std::size_t>(k)];
            }
        }
        // The kills landed at different points of the writing: several versions were found.
        QVERIFY(std::count_if(seen.begin(), seen.end(), [](int n) { return n > 0; }) >= 3);
    }
};

QTEST_GUILESS_MAIN(TestSessionKill)
#include "test_session_kill.moc"
