// core/train's loop on a toy model (no torch): model selection and early stopping,
// checkpoints that resume to the uninterrupted result, cancellation, pause, logs.

#include "TestSupport.h"
#include "train/Trainer.h"

#include <QTemporaryDir>
#include <atomic>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

using namespace equiscope;

namespace {

// Gradient descent on (w - 3)^2 with a deterministic "validation" score that is best at a
// chosen epoch and worse afterwards, so selection and early stopping have something to do.
class ToyTrainable : public Trainable {
  public:
    explicit ToyTrainable(int bestAt = 1000) : bestAt_(bestAt) {}
    std::vector<std::string> columns() const override { return {"loss", "validation", "w"}; }
    std::vector<double> trainEpoch(int epoch, int epochs) override {
        w_ -= 0.1 * (1 - 0.5 * epoch / epochs) * 2 * (w_ - 3);
        ++calls_;
        return {(w_ - 3) * (w_ - 3), std::abs(epoch - bestAt_) + 0.01 * w_, w_};
    }
    double selectionScore(const std::vector<double>& row) const override { return row[1]; }
    void rememberBest() override { best_ = w_; }
    void restoreBest() override { w_ = best_; }
    void saveState(const std::string& dir) const override {
        std::ofstream(dir + "/toy.json") << nlohmann::json{{"w", w_}, {"best", best_}}.dump();
    }
    void loadState(const std::string& dir) override {
        std::ifstream in(dir + "/toy.json");
        const auto j = nlohmann::json::parse(in);
        w_ = j.at("w").get<double>();
        best_ = j.at("best").get<double>();
    }
    double w_ = 0, best_ = NAN;
    int calls_ = 0;

  private:
    int bestAt_;
};

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void selectsTheBestEpochAndStopsEarly() {
        ToyTrainable toy(30);
        TrainerOptions o;
        o.epochs = 200;
        o.selectionStart = 10;
        o.patience = 5;
        const TrainingSummary s = train(toy, o);
        QCOMPARE(s.bestEpoch, 30);
        QVERIFY(s.stoppedEarly);
        QCOMPARE(static_cast<int>(s.rows.size()), 30 + 5 + 2); // best, patience, the one over
        QCOMPARE(toy.w_, s.rows[30].values[2]);                // the best weights are back
        // Without early stopping every epoch runs.
        ToyTrainable all(30);
        o.patience = -1;
        QCOMPARE(static_cast<int>(train(all, o).rows.size()), 200);
    }

    void selectionWaitsForItsStartEpoch() {
        ToyTrainable toy(3); // best before selection starts: not selectable
        TrainerOptions o;
        o.epochs = 40;
        o.selectionStart = 20;
        o.patience = 100;
        QCOMPARE(train(toy, o).bestEpoch, 20);
    }

    void resumedRunEqualsTheUninterruptedOne() {
        TrainerOptions o;
        o.epochs = 60;
        o.selectionStart = 5;
        o.patience = 8;
        ToyTrainable straight(25);
        const TrainingSummary reference = train(straight, o);

        QTemporaryDir dir;
        o.checkpointDirectory = dir.path().toStdString();
        o.checkpointEvery = 7;
        ToyTrainable first(25);
        CancelToken token;
        int seen = 0;
        const Progress stopAt12(
            [&](double, const std::string&) {
                if (++seen == 12) token.cancel();
            },
            &token);
        QVERIFY_THROWS_EXCEPTION(Cancelled, train(first, o, stopAt12));
        QCOMPARE(first.calls_, 12);
        QVERIFY(QFile::exists(dir.filePath("checkpoint/trainer.json")));

        ToyTrainable second(25);
        o.resume = true;
        const TrainingSummary resumed = train(second, o);
        QCOMPARE(resumed.resumedAt, 12);
        QCOMPARE(second.calls_, static_cast<int>(reference.rows.size()) - 12);
        QCOMPARE(resumed.rows.size(), reference.rows.size());
        QCOMPARE(resumed.bestEpoch, reference.bestEpoch);
        QCOMPARE(second.w_, straight.w_);
        for (std::size_t i = 0; i < reference.rows.size(); ++i)
            QCOMPARE(resumed.rows[i].values, reference.rows[i].values);
    }

    void resumeWithoutCheckpointIsAClearError() {
        QTemporaryDir dir;
        ToyTrainable toy;
        TrainerOptions o;
        o.checkpointDirectory = dir.path().toStdString();
        o.resume = true;
        try {
            train(toy, o);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("no checkpoint"));
        }
    }

    void pauseHoldsTheLoopUntilResumed() {
        ToyTrainable toy;
        TrainerOptions o;
        o.epochs = 50;
        CancelToken token;
        token.setPaused(true);
        std::atomic<bool> done{false};
        std::thread worker([&] {
            train(toy, o, Progress({}, &token));
            done = true;
        });
        QTest::qWait(200);
        QCOMPARE(toy.calls_, 0);
        QVERIFY(!done);
        token.setPaused(false);
        worker.join();
        QCOMPARE(toy.calls_, 50);
    }

    void writesCsvAndJsonLogsAndReportsEta() {
        QTemporaryDir dir;
        ToyTrainable toy;
        TrainerOptions o;
        o.epochs = 5;
        o.csvLog = dir.filePath("log.csv").toStdString();
        o.jsonLog = dir.filePath("log.json").toStdString();
        QString last;
        train(toy, o,
              Progress([&](double, const std::string& m) { last = QString::fromStdString(m); },
                       nullptr));
        QVERIFY(last.startsWith("epoch 5/5, loss "));
        QVERIFY(last.endsWith("ETA 0 s"));
        const QList<QByteArray> csv =
            equiscope::test::readAll(dir.filePath("log.csv")).trimmed().split('\n');
        QCOMPARE(csv.size(), 6);
        QCOMPARE(csv[0], QByteArray("epoch,loss,validation,w"));
        QVERIFY(csv[5].startsWith("4,"));
        const auto json =
            nlohmann::json::parse(equiscope::test::readAll(dir.filePath("log.json")).toStdString());
        QCOMPARE(json.at("epochs").size(), std::size_t(5));
        QCOMPARE(json.at("epochs")[4].at("w").get<double>(), toy.w_);
        QCOMPARE(QString::fromStdString(formatDuration(125)), QString("2 min 5 s"));
        QCOMPARE(QString::fromStdString(formatDuration(3700)), QString("1 h 1 min"));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
