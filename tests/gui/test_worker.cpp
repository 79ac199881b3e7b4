// The model worker: requests are coalesced (the latest wins, stale results are dropped),
// and the event loop keeps answering while a slow model runs.

#include "ModelWorker.h"
#include "SlowModel.h"
#include "TestSupport.h"
#include "groups/Group.h"
#include "scene/DemoScene.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

using namespace equiscope;
using equiscope::gui::LiveResult;
using equiscope::gui::ModelWorker;

class TestWorker : public QObject {
    Q_OBJECT
    std::shared_ptr<const Sample> sample_ =
        std::make_shared<const Sample>(sampleShape(DemoShape::Box, 50, 1));

  private Q_SLOTS:
    void coalescingDropsStaleResults() {
        auto model = std::make_shared<test::SlowModel>(150);
        ModelWorker worker;
        worker.setModel(model, sample_, {});
        QSignalSpy results(&worker, &ModelWorker::liveReady);
        Rng rng(1);
        std::vector<GroupElement> elements;
        for (int i = 0; i < 5; ++i) elements.push_back(makeGroup("SO3")->sample(rng, {50, 1.0}));
        uint64_t last = 0;
        for (const auto& e : elements) last = worker.requestLive(e); // while the first one runs
        QTRY_VERIFY_WITH_TIMEOUT(!worker.busy() && results.size() >= 1, 10000);
        QTest::qWait(400); // nothing more arrives
        // Only the latest request is delivered; the first ran but was stale when it ended,
        // the three in between never ran: f(x) + request 1 + request 5 = 3 forwards... each
        // live job evaluates f(g.x) once (f(x) is computed when the evaluator is built).
        QCOMPARE(results.size(), 1);
        const auto r = results.front().front().value<LiveResult>();
        QCOMPARE(r.sequence, last);
        QVERIFY((r.element.linear - elements.back().linear).norm() < 1e-12);
        QCOMPARE(model->forwards.load(), 3);
    }

    void eventLoopStaysResponsive() {
        auto model = std::make_shared<test::SlowModel>(600);
        ModelWorker worker;
        worker.setModel(model, sample_, {});
        QElapsedTimer clock;
        qint64 last = 0, worst = 0;
        QTimer ping;
        ping.setInterval(10);
        connect(&ping, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        clock.start();
        ping.start();
        worker.requestLive(GroupElement::identity());
        QTRY_VERIFY_WITH_TIMEOUT(!worker.busy(), 10000);
        ping.stop();
        QVERIFY(model->forwards.load() >= 2); // the model really ran (f(x) and f(g.x))
        QVERIFY2(worst < 100, qPrintable(QString("the event loop stalled for %1 ms").arg(worst)));
    }

    // A drag asks for a preview faster than the model answers: every answer is still shown
    // (none is lost when a request arrives between a job's end and its delivery), each on
    // the seeded subsample; a full request afterwards evaluates every node.
    void previewsKeepComingDuringADrag() {
        auto model = std::make_shared<test::SlowModel>(20);
        ModelWorker worker;
        worker.setModel(model, sample_, {});
        worker.setPreviewNodes(10);
        QSignalSpy results(&worker, &ModelWorker::liveReady);
        Rng rng(2);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 600) {
            worker.requestLive(makeGroup("SO3")->sample(rng, {50, 1.0}), true);
            QTest::qWait(5);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!worker.busy(), 10000);
        QVERIFY2(results.size() >= 8, qPrintable(QString("%1 previews").arg(results.size())));
        std::vector<int64_t> nodes;
        for (const auto& r : results) {
            const auto live = r.front().value<LiveResult>();
            QVERIFY(live.preview());
            QCOMPARE(live.nodeError.size(), std::size_t(10));
            if (nodes.empty()) nodes = live.nodes;
            QCOMPARE(live.nodes, nodes); // the same seeded subsample every time
        }
        QCOMPARE(model->lastNodes.load(), int64_t(10));
        results.clear();
        worker.requestLive(GroupElement::identity());
        QVERIFY(results.wait(10000));
        QVERIFY(!results.front().front().value<LiveResult>().preview());
        QCOMPARE(model->lastNodes.load(), int64_t(50));
    }

    void analysesRunAfterLiveRequests() {
        auto model = std::make_shared<test::SlowModel>(20);
        ModelWorker worker;
        worker.setModel(model, sample_, {});
        QStringList order;
        worker.runAnalysis("profile", [&order](const Evaluator&, const Progress&) {
            return std::function<void()>([&order] { order << "profile"; });
        });
        connect(&worker, &ModelWorker::liveReady, this, [&order] { order << "live"; });
        worker.requestLive(GroupElement::identity());
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 10000);
    }
};

QTEST_GUILESS_MAIN(TestWorker)
#include "test_worker.moc"
