// `mpirun -n R equiscope-cli scan` on this machine (built with EQUISCOPE_MPI): the merged
// file equals the single-process scan row for row, rank 0 alone prints, no rank takes more
// than its share of the cores, and an error ends every rank with one line.

#include "MpiSupport.h"
#include "ScanTestSupport.h"
#include "scan/ScanRecord.h"

#include <QThread>

using namespace equiscope;

namespace {

using Run = test::CliRun;

QString real(const char* path) {
    return QStringLiteral(EQUISCOPE_REAL_DATA "/") + path;
}

Run mpiScan(int ranks, const QStringList& args) {
    return test::mpirun(ranks, QStringList{"scan"} + args);
}

} // namespace

class TestCliScanMpi : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void initTestCase() {
        // Round-off depends on the thread count (BLAS splits its sums across threads
        // differently on some CPUs): scans compared row for row run one thread each, as
        // the SLURM tasks and MPI ranks here do.
        qputenv("EQUISCOPE_THREADS", "1");
    }
    void sameRowsAsOneProcess_data() {
        QTest::addColumn<int>("ranks");
        QTest::addColumn<QStringList>("scan");
        QTest::addColumn<QString>("file");
        const QStringList trajectory = {real("trajectories/3bpa_train_300K.xyz"),
                                        "--model",
                                        "egnn",
                                        "--group",
                                        "SO3,Perm",
                                        "--samples",
                                        "2"};
        const QStringList graphs = {real("graphs/MUTAG"), "--model", "spen",    "--group", "Perm",
                                    "--samples",          "3",       "--dtype", "float64"};
        QTest::newRow("3BPA, 2 ranks") << 2 << trajectory << "3bpa.csv";
        QTest::newRow("MUTAG, 3 ranks") << 3 << graphs << "mutag.jsonl";
    }
    void sameRowsAsOneProcess() {
        QString why;
        QFETCH(int, ranks);
        QFETCH(QStringList, scan);
        QFETCH(QString, file);
        const QString serial = dir_.filePath("serial-" + file), spread = dir_.filePath(file);
        const Run one = test::runTool("equiscope-cli",
                                      QStringList{"scan"} + scan + QStringList{"--out", serial});
        QVERIFY2(one.status == 0, one.err.constData());
        const Run many = mpiScan(ranks, scan + QStringList{"--out", spread, "--json"});
        QVERIFY2(many.status == 0, many.err.constData());
        QVERIFY2(test::sameScanRows(readScanFile(spread.toStdString()).rows,
                                    readScanFile(serial.toStdString()).rows, why),
                 qPrintable(why));
        // Rank 0 alone prints: one JSON object on stdout.
        QCOMPARE(many.out.count('\n'), 1);
        QCOMPARE(many.json()["units"].toInt(),
                 static_cast<int>(readScanFile(serial.toStdString()).settings.units));
        // No oversubscription: the ranks' threads together fit the cores (one each at least).
        const QRegularExpression threads(QStringLiteral("(\\d+) ranks, (\\d+) threads each"));
        const auto m = threads.match(QString::fromUtf8(many.err));
        QVERIFY2(m.hasMatch(), many.err.constData());
        QCOMPARE(m.captured(1).toInt(), ranks);
        QVERIFY(m.captured(2).toInt() * ranks <= std::max(ranks, QThread::idealThreadCount()));
    }

    // A bad argument fails every rank; one line, not one per rank. An existing --out is
    // refused by rank 0 and the workers are sent home.
    void errorsEndEveryRank() {
        const Run bad = mpiScan(2, {real("graphs/MUTAG"), "--model", "spen", "--group", "Nope"});
        QCOMPARE(bad.status, 2);
        QCOMPARE(QString::fromUtf8(bad.err).count("equiscope-cli scan:"), 1);
        const QString out = dir_.filePath("exists.csv");
        QFile(out).open(QIODevice::WriteOnly);
        const Run exists =
            mpiScan(2, {real("graphs/MUTAG"), "--model", "spen", "--group", "Perm", "--out", out});
        QCOMPARE(exists.status, 2);
        QVERIFY2(exists.err.contains("exists; add --resume"), exists.err.constData());
        QCOMPARE(QFileInfo(out).size(), 0);
    }
};

QTEST_MAIN(TestCliScanMpi)
#include "test_cli_scan_mpi.moc"
