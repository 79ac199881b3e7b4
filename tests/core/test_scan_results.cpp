// The scan results file and summary: rows survive a write and a read bit for bit in both
// formats, a killed writer's unfinished line is dropped, a malformed line is an error that
// names the file and the line, and the quantiles agree with a direct computation.

#include "TestSupport.h"
#include "scan/ScanRecord.h"
#include "scan/ScanSummary.h"
#include "util/Error.h"

#include <cmath>
#include <fstream>
#include <limits>

using namespace equiscope;

namespace {

ScanSettings settings() {
    ScanSettings s;
    s.model = "egnn (k=8)";
    s.data = "dir/with, comma";
    s.groups = {"E3", "Perm"};
    s.samples = 8;
    s.seed = 42;
    s.dtype = "float32";
    s.device = "cpu";
    s.units = 3;
    return s;
}

std::vector<ScanRow> rows() {
    std::vector<ScanRow> out;
    for (int64_t u = 0; u < 3; ++u)
        for (const char* g : {"E3", "Perm"}) {
            ScanRow r;
            r.unit = u;
            r.name = u == 1 ? "odd \"name\", with comma.xyz" : "frame " + std::to_string(u);
            r.group = g;
            r.nodes = 27;
            r.meanError = 1.0 / 3.0 * std::pow(10.0, -static_cast<double>(u));
            r.maxError = u == 2 ? std::numeric_limits<double>::quiet_NaN() : 0.1 + u;
            r.worstNode = u;
            r.maxElement = 5;
            for (std::size_t i = 0; i < r.element.size(); ++i) r.element[i] = std::sin(1.0 + i);
            r.seconds = 0.0123;
            out.push_back(r);
        }
    out[3].ok = false;
    out[3].error = "bad.ply: line 4: expected 3 numbers,\nnot \"x\"";
    out[3].meanError = out[3].maxError = 0;
    return out;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool sameBits(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

class TestScanResults : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("csv") << "r.csv";
        QTest::newRow("json lines") << "r.jsonl";
    }
    void roundTrip() {
        QFETCH(QString, name);
        const std::string path = dir_.filePath(name).toStdString();
        writeScanFile(path, settings(), rows());
        const ScanFile file = readScanFile(path);
        QVERIFY(file.settings.sameScan(settings()));
        QVERIFY(!file.truncatedTail);
        const std::vector<ScanRow> expected = rows();
        QCOMPARE(file.rows.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const ScanRow &a = expected[i], &b = file.rows[i];
            QCOMPARE(b.unit, a.unit);
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.group, a.group);
            QCOMPARE(b.ok, a.ok);
            QVERIFY(sameBits(b.meanError, a.meanError) && sameBits(b.maxError, a.maxError));
            QCOMPARE(b.element, a.element);
            QCOMPARE(b.worstNode, a.worstNode);
        }
        QCOMPARE(file.rows[3].error, std::string("bad.ply: line 4: expected 3 numbers, not \"x\""));
        const std::string again = dir_.filePath("again-" + name).toStdString();
        writeScanFile(again, file.settings, file.rows);
        QCOMPARE(slurp(again), slurp(path)); // shortest round-trip numbers: a fixed point

        // A writer killed mid-line: the unfinished line is left out, the rest kept.
        const std::string text = slurp(path);
        const std::string cut = dir_.filePath("cut-" + name).toStdString();
        std::ofstream(cut, std::ios::binary) << text.substr(0, text.size() - 7);
        const ScanFile partial = readScanFile(cut);
        QVERIFY(partial.truncatedTail);
        QCOMPARE(partial.rows.size(), expected.size() - 1);
    }

    void malformedLineNamesFileAndLine() {
        const std::string path = dir_.filePath("bad.csv").toStdString();
        writeScanFile(path, settings(), rows());
        std::string text = slurp(path);
        const auto third = text.find('\n', text.find('\n', text.find('\n') + 1) + 1);
        text.insert(third + 1, "0,frame 0,E3,ok,27,not-a-number,1,0,0,1 2,0,\n");
        std::ofstream(path, std::ios::binary) << text;
        try {
            readScanFile(path);
            QFAIL("a malformed row was accepted");
        } catch (const Error& e) {
            const QString m = e.what();
            QVERIFY2(m.contains(QString::fromStdString(path) + ":4:") && m.contains("mean_error"),
                     e.what());
        }
    }

    // Quantiles against a direct computation on 1..100 with one NaN and one failure.
    void summaryQuantiles() {
        std::vector<ScanRow> rs;
        for (int i = 1; i <= 100; ++i) {
            ScanRow r;
            r.unit = i;
            r.group = "SO3";
            r.meanError = i / 1e6;
            rs.push_back(r);
        }
        ScanRow nan = rs.front(), bad = rs.front();
        nan.unit = 101;
        nan.meanError = std::numeric_limits<double>::quiet_NaN();
        bad.unit = 102;
        bad.ok = false;
        bad.error = "cannot read";
        rs.push_back(nan);
        rs.push_back(bad);
        const GroupScanSummary s = summarizeScan(rs, {"SO3"}, 3).front();
        QCOMPARE(s.units, int64_t(102));
        QCOMPARE(s.failed, int64_t(1));
        QVERIFY(test::close(s.mean, 50.5e-6, 1e-12));
        QVERIFY(test::close(s.median, 50.5e-6, 1e-12));
        QVERIFY(test::close(s.p99, (99 + 0.01) * 1e-6, 1e-12)); // at 0.99 * 99 = 98.01
        QVERIFY(test::close(s.max, 100e-6, 1e-12));
        QCOMPARE(s.worst.size(), std::size_t(3));
        QCOMPARE(s.worst[0].unit, int64_t(101)); // NaN ranks first
        QCOMPARE(s.worst[1].unit, int64_t(100));
        QCOMPARE(s.failures.front().error, std::string("cannot read"));
        // Decades: 1..9 e-6 in [1e-6, 1e-5), 10..99 in [1e-5, 1e-4), 100 in [1e-4, 1e-3).
        QCOMPARE(s.firstDecade, -6);
        QCOMPARE(s.decades, (std::vector<int64_t>{9, 90, 1}));
        const QString text = QString::fromStdString(scanSummaryText({s}));
        QVERIFY2(text.contains("[1e-5, 1e-4)") && text.contains("cannot read"), qPrintable(text));
    }
};

QTEST_MAIN(TestScanResults)
#include "test_scan_results.moc"
