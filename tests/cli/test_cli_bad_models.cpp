// A TorchScript file is a user's code: one that is not a zip, is cut short, throws, returns
// NaN or the wrong shape, or asks for more memory than exists must end `check` and `info`
// with exit status 2 and one line on stderr naming the file and what was wrong.

#include "ScriptedModels.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <fstream>

class TestCliBadModels : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString saved(const char* name, const char* source, const char* output = "vector") {
        const QString path = dir_.filePath(name);
        equiscope::test::saveScripted(path.toStdString(), source,
                                      equiscope::test::specJson(output, ""));
        return path;
    }

  private Q_SLOTS:
    void rejected_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("hint");
        const QString text = dir_.filePath("text.pt");
        std::ofstream(text.toStdString()) << "def forward(self, pos, feat): return pos\n";
        QTest::newRow("not a zip") << text << "not a TorchScript file";

        const QString whole = saved("whole.pt", equiscope::test::kEquivariantSource);
        const QByteArray bytes = equiscope::test::readAll(whole);
        const QString cut = dir_.filePath("cut.pt");
        equiscope::test::writeTempFile(dir_, "cut.pt", bytes.left(bytes.size() / 2));
        QTest::newRow("truncated") << cut << "not a TorchScript file";

        QTest::newRow("forward throws")
            << saved("throws.pt", equiscope::test::kThrowingSource)
            << "forward failed: RuntimeError: AssertionError: this model refuses every input";
        QTest::newRow("NaN output") << saved("nan.pt", equiscope::test::kNanSource)
                                    << "forward returned NaN or Inf for finite inputs (node 0";
        QTest::newRow("wrong shape") << saved("shape.pt", equiscope::test::kBadShapeSource)
                                     << "forward returned shape [1, 4000, 2]";
        QTest::newRow("more memory than exists")
            << saved("huge.pt", equiscope::test::kHugeAllocationSource)
            << "out of memory evaluating one element on the CPU";
    }

    void rejected() {
        QFETCH(QString, path);
        QFETCH(QString, hint);
        for (const QStringList& args : {QStringList{"check", "--model", path, "--group", "SO3",
                                                    "--data", "demo:sphere", "--samples", "4"},
                                        QStringList{"info", path}}) {
            const equiscope::test::CliRun r = equiscope::test::runTool("equiscope-cli", args);
            const QString err = QString::fromUtf8(r.err).trimmed();
            QVERIFY2(r.status == 2, qPrintable(args.join(' ') + " gave " +
                                               QString::number(r.status) + ": " + err));
            QVERIFY2(r.out.isEmpty(), r.out.constData());
            QVERIFY2(!err.contains('\n'), qPrintable("more than one line: " + err));
            QVERIFY2(err.contains(path), qPrintable("no file name in: " + err));
            QVERIFY2(err.contains(hint), qPrintable("expected '" + hint + "' in: " + err));
        }
    }

    // The same files' good twin passes both, so the rejections above are the model's fault.
    void goodModelPasses() {
        const QString path = saved("good.pt", equiscope::test::kEquivariantSource, "position");
        const equiscope::test::CliRun info =
            equiscope::test::runTool("equiscope-cli", {"info", path, "--json"});
        QCOMPARE(info.status, 0);
        const QJsonArray shape = info.json()["output_shape"].toArray();
        QCOMPARE(shape.size(), 3);
        QCOMPARE(shape[2].toInt(), 3);
        const equiscope::test::CliRun check =
            equiscope::test::runTool("equiscope-cli", {"check", "--model", path, "--group", "SO3",
                                                       "--data", "demo:sphere", "--samples", "4"});
        QCOMPARE(check.status, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliBadModels)
#include "test_cli_bad_models.moc"
