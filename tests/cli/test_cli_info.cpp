// equiscope-cli info: exactly the documented JSON keys, agreement with the independent
// values on every real file, exit status 2 with one line on bad input.

#include "TestSupport.h"

namespace {

using Run = equiscope::test::CliRun;

Run cli(const QStringList& args) {
    return equiscope::test::runTool("equiscope-cli", args);
}

} // namespace

class TestCliInfo : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void jsonAgreesWithIndependentValues_data() {
        QTest::addColumn<QString>("file");
        const QJsonObject expected = equiscope::test::expectedRealValues();
        for (const QString& f : expected.keys()) QTest::newRow(qPrintable(f)) << f;
    }
    void jsonAgreesWithIndependentValues() {
        QFETCH(QString, file);
        const Run r = cli({"info", "--json", equiscope::test::realPointClouds() + "/" + file});
        QCOMPARE(r.status, 0);
        QCOMPARE(r.out.count('\n'), 1); // exactly one object
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QStringList keys = o.keys();
        keys.sort();
        QCOMPARE(keys,
                 QStringList({"bbox", "centroid", "edges", "faces", "fields", "frames", "graphs",
                              "kind", "labels", "nodes", "nodes_per_frame", "species"}));
        const QJsonObject e = equiscope::test::expectedRealValues()[file].toObject();
        QCOMPARE(o["kind"].toString(), QString("points"));
        QCOMPARE(o["nodes"].toInteger(), e["nodes"].toInteger());
        QCOMPARE(o["faces"].toInteger(), e["faces"].toInteger());
        QCOMPARE(o["frames"].toInteger(), 1);
        QCOMPARE(o["graphs"].toInteger(), 0);
        for (int k = 0; k < 3; ++k) {
            QVERIFY(equiscope::test::close(o["bbox"]["min"][k].toDouble(),
                                           e["bbox_min"][k].toDouble()));
            QVERIFY(equiscope::test::close(o["bbox"]["max"][k].toDouble(),
                                           e["bbox_max"][k].toDouble()));
            QVERIFY(equiscope::test::close(o["centroid"][k].toDouble(), e["centroid"][k].toDouble(),
                                           1e-12));
        }
        const QJsonArray fields = o["fields"].toArray();
        QVERIFY(!fields.isEmpty());
        QCOMPARE(fields[0]["name"].toString(), QString("pos"));
        QCOMPARE(fields[0]["type"].toString(), QString("position"));
        QCOMPARE(fields[0]["width"].toInt(), 3);
    }

    void badInputExitsTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("args");
        const QString broken = QString::fromStdString(
            equiscope::test::writeTempFile(dir_, "broken.ply", "ply\nformat ascii 1.0\n"));
        QTest::newRow("broken file") << QStringList{"info", "--json", broken};
        QTest::newRow("missing file") << QStringList{"info", "/nonexistent/file.ply"};
        QTest::newRow("unknown option") << QStringList{"info", "--bogus", "demo"};
        QTest::newRow("no file") << QStringList{"info"};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
    }
    void badInputExitsTwoWithOneLine() {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.status, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        if (args.size() > 1 && args[1] != "--bogus" && args.size() != 1)
            QCOMPARE(r.err.trimmed().count('\n'), 0);
    }

    void nonFiniteIsReportedOnStderr() {
        const QString path = QString::fromStdString(
            equiscope::test::writeTempFile(dir_, "nan.xyz", "1 2 3\nnan 0 0\n3 2 1\n"));
        const Run r = cli({"info", "--json", path});
        QCOMPARE(r.status, 0);
        QVERIFY(r.err.contains("1 points have NaN or Inf"));
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["nodes"].toInt(), 3);
        QCOMPARE(QJsonDocument::fromJson(r.out).object()["centroid"][0].toDouble(), 2.0);
    }

    // --max-memory caps a read: the same file opens under the default budget and is refused,
    // with the size named, under a smaller one; a bad value is an error of its own.
    void maxMemory() {
        const QString file = QStringLiteral(EQUISCOPE_TEST_DATA "/malformed/ply_over_budget.ply");
        const Run ok = cli({"info", "--json", file});
        QCOMPARE(ok.status, 0);
        QCOMPARE(ok.json()["nodes"].toInt(), 4000);
        const Run refused = cli({"info", "--max-memory", "64K", "--json", file});
        QCOMPARE(refused.status, 2);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains("96000 bytes") && refused.err.contains("65536 bytes"),
                 refused.err.constData());
        QCOMPARE(refused.err.trimmed().count('\n'), 0);
        const Run big = cli({"info", file, "--max-memory", "1G"});
        QCOMPARE(big.status, 0);
        const Run bad = cli({"info", "--max-memory", "lots", file});
        QCOMPARE(bad.status, 2);
        QVERIFY(bad.err.contains("--max-memory expects a byte count"));
    }

    void textOutputAndDemo() {
        const Run r = cli({"info", "demo"});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("nodes     16000"));
        QVERIFY(r.out.contains("part"));
    }
};

QTEST_GUILESS_MAIN(TestCliInfo)
#include "test_cli_info.moc"
