// `mpirun -n 2 equiscope-cli train per|egnn|apen` (built with EQUISCOPE_MPI): data-parallel
// training with the same global batch and seed follows the one-process run epoch by epoch,
// to 1e-5 relative in every logged figure (loss, validation, PER's strengths and
// regularizers) and in PER's and EGNN's test error; rank 0 alone writes and prints.

#include "MpiSupport.h"

#include <QDir>

using namespace equiscope;

namespace {

using Run = test::CliRun;

// Every row of a curves.csv, as numbers.
std::vector<std::vector<double>> curves(const QString& directory) {
    const QList<QByteArray> lines = test::readAll(directory + "/curves.csv").trimmed().split('\n');
    std::vector<std::vector<double>> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        std::vector<double> row;
        for (const QByteArray& field : lines[i].split(',')) row.push_back(field.toDouble());
        rows.push_back(row);
    }
    return rows;
}

} // namespace

class TestCliTrainMpi : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void twoRanksFollowOneProcess_data() {
        QTest::addColumn<QStringList>("train");
        QTest::addColumn<int>("epochs");
        QTest::newRow("per") << QStringList{"train",    "per", "--task",         "inertia",
                                            "--epochs", "80",  "--adjust-epoch", "30",
                                            "--seed",   "5",   "--json"}
                             << 80;
        QTest::newRow("egnn") << QStringList{"train",    "egnn", "--trajectories", "200",
                                             "--epochs", "6",    "--json"}
                              << 6;
        // Four scenes per step: two on each rank.
        QTest::newRow("apen") << QStringList{"train",    "apen", "--scenes", "8", "--held-out", "2",
                                             "--points", "64",   "--epochs", "4", "--batch",    "4",
                                             "--json"}
                              << 4;
    }
    void twoRanksFollowOneProcess() {
        QFETCH(QStringList, train);
        QFETCH(int, epochs);
        const QString one = dir_.filePath(train[1] + "-one"),
                      two = dir_.filePath(train[1] + "-two");
        const Run single = test::runTool("equiscope-cli", train + QStringList{"--out", one});
        QVERIFY2(single.status == 0, single.err.constData());
        const Run ranks = test::mpirun(2, train + QStringList{"--out", two});
        QVERIFY2(ranks.status == 0, ranks.err.constData());
        QVERIFY2(ranks.err.contains("2 ranks"), ranks.err.constData());
        QCOMPARE(ranks.out.count('\n'), 1); // rank 0's JSON alone

        const auto a = curves(one), b = curves(two);
        QCOMPARE(b.size(), a.size());
        QCOMPARE(a.size(), std::size_t(epochs));
        for (std::size_t e = 0; e < a.size(); ++e)
            for (std::size_t k = 0; k < a[e].size(); ++k)
                QVERIFY2(test::close(a[e][k], b[e][k], 1e-5),
                         qPrintable(QString("epoch %1 column %2: %3 vs %4")
                                        .arg(e)
                                        .arg(k)
                                        .arg(a[e][k], 0, 'g', 17)
                                        .arg(b[e][k], 0, 'g', 17)));
        if (single.json().contains("test_mse"))
            QVERIFY(test::close(single.json()["test_mse"].toDouble(),
                                ranks.json()["test_mse"].toDouble(), 1e-5));
        // Training moved the figures well beyond the tolerance: the runs compared are not two
        // copies of an untrained model.
        QVERIFY(!test::close(a.back()[2], a.front()[2], 1e-4));
        QVERIFY(QFileInfo::exists(two + "/result.json") && QFileInfo::exists(two + "/curves.csv"));
    }
};

QTEST_MAIN(TestCliTrainMpi)
#include "test_cli_train_mpi.moc"
