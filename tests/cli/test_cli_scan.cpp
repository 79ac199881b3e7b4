// equiscope-cli scan and scan-merge on whole datasets: a graph dataset under Perm (an exact
// model and one that reads the node order), a folder of files with a broken one, and an MD
// trajectory scanned three ways (in one go, killed and resumed, as two shards merged) that
// must give the same rows and numbers.

#include "ScanTestSupport.h"
#include "ScriptedModels.h"
#include "TestSupport.h"
#include "scan/ScanRecord.h"

#include <QJsonArray>
#include <QProcess>
#include <cmath>
#include <fstream>
#include <random>

using namespace equiscope;

namespace {

using Run = test::CliRun;

Run cli(const QStringList& args) {
    return test::runTool("equiscope-cli", args);
}

Run scan(const QStringList& args) {
    return cli(QStringList{"scan"} + args);
}

// Scales each node by its index: breaks every non-trivial permutation.
const char* kNodeOrderSource = R"JIT(
def forward(self, pos, feat):
    return pos * (1.0 + torch.arange(pos.size(1)).to(pos.dtype).view(1, -1, 1))
)JIT";

QString real(const char* path) {
    return QStringLiteral(EQUISCOPE_REAL_DATA "/") + path;
}

void writeXyz(const QString& path, int atoms, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> n;
    std::ofstream out(path.toStdString());
    out << atoms << "\nmade by the test\n";
    for (int i = 0; i < atoms; ++i) out << "C " << n(rng) << " " << n(rng) << " " << n(rng) << "\n";
}

int64_t lineCount(const QString& path) { // 0 before the file exists
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : 0;
}

} // namespace

class TestCliScan : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString exact_, nodeOrder_;
    // The trajectory scan every variant is compared with: all 500 frames of 3BPA.
    const QStringList trajectoryScan_ = {real("trajectories/3bpa_train_300K.xyz"),
                                         "--model",
                                         "egnn",
                                         "--group",
                                         "SO3,Perm",
                                         "--samples",
                                         "2",
                                         "--seed",
                                         "7"};

  private Q_SLOTS:
    void initTestCase() {
        // Round-off depends on the thread count (BLAS splits its sums across threads
        // differently on some CPUs): scans compared row for row run one thread each, as
        // the SLURM tasks and MPI ranks here do.
        qputenv("EQUISCOPE_THREADS", "1");
        exact_ = dir_.filePath("exact.pt");
        nodeOrder_ = dir_.filePath("order.pt");
        test::saveScripted(exact_.toStdString(), test::kEquivariantSource,
                           test::specJson("position", "\"E3\""));
        test::saveScripted(nodeOrder_.toStdString(), kNodeOrderSource,
                           test::specJson("vector", ""));
    }

    // Every MUTAG graph: SPEN keeps Perm to round-off, the node-order model breaks it on
    // every graph; each row agrees with `check` on that graph alone.
    void graphDatasetUnderPerm() {
        const QString out = dir_.filePath("mutag.csv");
        const Run spen = scan({real("graphs/MUTAG"), "--model", "spen", "--group", "Perm",
                               "--samples", "3", "--dtype", "float64", "--out", out, "--json"});
        QVERIFY2(spen.status == 0, spen.err.constData());
        const QJsonObject perm = spen.json()["groups"].toObject()["Perm"].toObject();
        QCOMPARE(spen.json()["units"].toInt(), 188);
        QCOMPARE(perm["failed"].toInt(), 0);
        QVERIFY2(perm["max"].toDouble() < 1e-12, spen.out.constData());
        QCOMPARE(perm["worst"].toArray().size(), 10);
        for (const char* key : {"mean", "median", "p99", "max"}) QVERIFY(perm.contains(key));
        const ScanFile file = readScanFile(out.toStdString());
        QCOMPARE(file.rows.size(), std::size_t(188));
        for (std::size_t i = 0; i < file.rows.size(); ++i) {
            QCOMPARE(file.rows[i].unit, int64_t(i));
            QVERIFY(file.rows[i].ok);
        }

        const QString broken = dir_.filePath("order.jsonl");
        const Run order = scan({real("graphs/MUTAG"), "--model", nodeOrder_, "--group", "Perm",
                                "--samples", "3", "--out", broken});
        QVERIFY2(order.status == 0, order.err.constData());
        QVERIFY2(order.out.contains("worst units"), order.out.constData());
        const ScanFile rows = readScanFile(broken.toStdString());
        QCOMPARE(rows.rows.size(), std::size_t(188));
        for (const ScanRow& r : rows.rows) {
            QVERIFY2(r.ok && r.meanError > 1e-2, r.name.c_str());
            QVERIFY(r.worstNode >= 0 && r.worstNode < r.nodes);
            QVERIFY(r.maxElement >= 0 && r.maxElement < 3);
        }
        const ScanRow& graph5 = rows.rows[5];
        const Run check = cli({"check", "--model", nodeOrder_, "--data", real("graphs/MUTAG"),
                               "--index", "5", "--group", "Perm", "--samples", "3", "--json"});
        QCOMPARE(check.status, 0);
        QCOMPARE(check.json()["results"][0]["mean_error"].toDouble(), graph5.meanError);
        QCOMPARE(check.json()["results"][0]["max_error"].toDouble(), graph5.maxError);
    }

    // scripts/slurm/scan.sbatch as three tasks of a job array (ids 4..6), then scan-merge:
    // the rows of the single-process MUTAG scan above.
    void slurmArrayScript() {
        QString why;
        QTemporaryDir work;
        const QString script =
            QStringLiteral(EQUISCOPE_TEST_DATA "/../../scripts/slurm/scan.sbatch");
        QStringList parts;
        for (int task = 4; task <= 6; ++task) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("SLURM_ARRAY_TASK_ID", QString::number(task));
            env.insert("SLURM_ARRAY_TASK_MIN", "4");
            env.insert("SLURM_ARRAY_TASK_COUNT", "3");
            env.insert("SLURM_CPUS_PER_TASK", "1");
            env.insert("EQUISCOPE_CLI", QStringLiteral(EQUISCOPE_BIN_DIR "/equiscope-cli"));
            p.setProcessEnvironment(env);
            p.setWorkingDirectory(work.path());
            p.start("bash", {script, real("graphs/MUTAG"), "--model", "spen", "--group", "Perm",
                             "--samples", "3", "--dtype", "float64"});
            QVERIFY(p.waitForFinished(120000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            parts << work.filePath("scan-parts/part-" + QString::number(task) + ".csv");
        }
        const QString merged = work.filePath("scan.csv");
        const Run merge = cli(QStringList{"scan-merge"} + parts + QStringList{"--out", merged});
        QVERIFY2(merge.status == 0, merge.err.constData());
        QVERIFY2(test::sameScanRows(readScanFile(merged.toStdString()).rows,
                                    readScanFile(dir_.filePath("mutag.csv").toStdString()).rows,
                                    why),
                 qPrintable(why));
    }

    // A folder: every readable file (recursively) is a unit, other files are ignored, and a
    // broken file is one failed unit whose error names it.
    void directoryWithABrokenFile() {
        QTemporaryDir folder;
        QDir(folder.path()).mkdir("sub");
        writeXyz(folder.filePath("a.xyz"), 12, 1);
        writeXyz(folder.filePath("sub/b.xyz"), 30, 2);
        writeXyz(folder.filePath("c.xyz"), 7, 3);
        std::ofstream(folder.filePath("bad.ply").toStdString())
            << "ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\n"
               "property float z\nend_header\n0 0 0\n1 x 0\n";
        std::ofstream(folder.filePath("README.md").toStdString()) << "# not data\n";
        const QString out = dir_.filePath("folder.csv");
        const Run r = scan({folder.path(), "--model", exact_, "--group", "E3,SO3", "--samples", "4",
                            "--out", out, "--json"});
        QVERIFY2(r.status == 0, r.err.constData());
        const ScanFile file = readScanFile(out.toStdString());
        QCOMPARE(file.rows.size(), std::size_t(8)); // 4 files x 2 groups
        QCOMPARE(file.rows[0].name, std::string("a.xyz"));
        QCOMPARE(file.rows[2].name, std::string("bad.ply"));
        QCOMPARE(file.rows[6].name, std::string("sub/b.xyz"));
        for (const ScanRow& row : file.rows) {
            if (row.name == "bad.ply") {
                QVERIFY(!row.ok);
                QVERIFY2(QString::fromStdString(row.error).contains("bad.ply"), row.error.c_str());
            } else {
                QVERIFY2(row.ok && row.meanError < 1e-5, row.name.c_str());
            }
        }
        QCOMPARE(file.rows[6].nodes, int64_t(30));
        const QJsonObject e3 = r.json()["groups"].toObject()["E3"].toObject();
        QCOMPARE(e3["failed"].toInt(), 1);
        QCOMPARE(e3["failures"].toArray()[0].toObject()["unit"].toInt(), 1);
    }

    // Killed mid-scan, then --resume: the same rows as the scan that ran in one go, none
    // twice, none missing. Two shards (one from a SLURM array's variables) merged: the same.
    void resumedAndShardedScansMatchTheSerialOne() {
        QString why;
        const QString serial = dir_.filePath("serial.jsonl");
        const Run whole = scan(trajectoryScan_ + QStringList{"--out", serial});
        QVERIFY2(whole.status == 0, whole.err.constData());
        const ScanFile reference = readScanFile(serial.toStdString());
        QCOMPARE(reference.rows.size(), std::size_t(1000));

        const QString killed = dir_.filePath("killed.jsonl");
        QProcess p;
        p.start(QStringLiteral(EQUISCOPE_BIN_DIR "/equiscope-cli"),
                QStringList{"scan"} + trajectoryScan_ + QStringList{"--out", killed});
        QVERIFY(p.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        while (lineCount(killed) < 41 && waited.elapsed() < 60000) QTest::qWait(5);
        p.kill();
        p.waitForFinished();
        const int64_t kept = lineCount(killed) - 1;
        QVERIFY2(kept >= 40 && kept < 1000, qPrintable(QString::number(kept)));
        const Run resumed = scan(trajectoryScan_ + QStringList{"--out", killed, "--resume"});
        QVERIFY2(resumed.status == 0, resumed.err.constData());
        QVERIFY2(resumed.err.contains("units already done"), resumed.err.constData());
        QVERIFY2(test::sameScanRows(readScanFile(killed.toStdString()).rows, reference.rows, why),
                 qPrintable(why));

        const QString part0 = dir_.filePath("part0.csv"), part1 = dir_.filePath("part1.csv");
        QCOMPARE(scan(trajectoryScan_ + QStringList{"--shard", "0/2", "--out", part0}).status, 0);
        QProcess slurm;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("SLURM_ARRAY_TASK_ID", "8");
        env.insert("SLURM_ARRAY_TASK_MIN", "7");
        env.insert("SLURM_ARRAY_TASK_COUNT", "2");
        slurm.setProcessEnvironment(env);
        slurm.start(QStringLiteral(EQUISCOPE_BIN_DIR "/equiscope-cli"),
                    QStringList{"scan"} + trajectoryScan_ + QStringList{"--out", part1});
        QVERIFY(slurm.waitForFinished(120000));
        QCOMPARE(slurm.exitCode(), 0);
        QCOMPARE(readScanFile(part1.toStdString()).settings.shardIndex, 1);
        const QString merged = dir_.filePath("merged.jsonl");
        const Run merge = cli({"scan-merge", part1, part0, "--out", merged, "--json"});
        QVERIFY2(merge.status == 0, merge.err.constData());
        QCOMPARE(merge.json()["units"].toInt(), 500);
        QVERIFY2(test::sameScanRows(readScanFile(merged.toStdString()).rows, reference.rows, why),
                 qPrintable(why));

        const Run missing = cli({"scan-merge", part0, "--out", dir_.filePath("m.csv")});
        QCOMPARE(missing.status, 2);
        QVERIFY2(missing.err.contains("in none of the parts"), missing.err.constData());
        const Run twice = cli({"scan-merge", part0, part1, part0, "--out", dir_.filePath("m.csv")});
        QCOMPARE(twice.status, 2);
        QVERIFY2(twice.err.contains("is also in"), twice.err.constData());
    }

    // What the user saved is never overwritten, and --resume refuses another scan's file.
    void refusesToLoseOrMixResults() {
        const QString serial = dir_.filePath("serial.jsonl");
        const QByteArray before = test::readAll(serial);
        const Run again = scan(trajectoryScan_ + QStringList{"--out", serial});
        QCOMPARE(again.status, 2);
        QVERIFY2(again.err.contains("exists; add --resume"), again.err.constData());
        QStringList otherSeed = trajectoryScan_;
        otherSeed[otherSeed.indexOf("7")] = "8";
        const Run other = scan(otherSeed + QStringList{"--out", serial, "--resume"});
        QCOMPARE(other.status, 2);
        QVERIFY2(other.err.contains("holds another scan"), other.err.constData());
        QCOMPARE(test::readAll(serial), before);
        QCOMPARE(scan({real("graphs/MUTAG"), "--model", "spen", "--group", "PiecewiseE3"}).status,
                 2);
    }
};

QTEST_MAIN(TestCliScan)
#include "test_cli_scan.moc"
