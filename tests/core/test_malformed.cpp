// Broken files: each gives an equiscope::Error naming the file and what was expected,
// never a crash, a hang or a huge allocation. Then sweeps of truncations and byte flips
// over real files, where every outcome must be a clean result or a clean error.

#include "TestSupport.h"
#include "io/FormatRegistry.h"
#include "io/LoadDataset.h"
#include "util/Error.h"
#include "util/ReadBudget.h"

#include <QElapsedTimer>
#include <map>
#include <random>

using namespace equiscope;

namespace {

const QByteArray kPlyHead =
    "ply\nformat binary_little_endian 1.0\nelement vertex 2\nproperty float x\n"
    "property float y\nproperty float z\n";
const QByteArray kPcdHead =
    "# .PCD v0.7\nVERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\n";

QByteArray floats(int n) {
    return QByteArray(n * 4, '\0');
}

QByteArray npyHeader(const QByteArray& dict) {
    QByteArray h = dict;
    while ((10 + h.size() + 1) % 64) h += ' ';
    h += '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out += static_cast<char>(h.size() & 0xff);
    out += static_cast<char>(h.size() >> 8);
    return out + h;
}

// An otherwise valid LZF block for 2 points of x y z (24 bytes): one literal run.
QByteArray compressedPcd(uint32_t claimedSize, bool corrupt, int points = 2) {
    QByteArray body(1, static_cast<char>(23));
    body += QByteArray(24, '\x01');
    if (corrupt) body[0] = static_cast<char>(0xe0); // back-reference before any output
    QByteArray sizes(8, '\0');
    const uint32_t packed = static_cast<uint32_t>(body.size());
    std::memcpy(sizes.data(), &packed, 4);
    std::memcpy(sizes.data() + 4, &claimedSize, 4);
    const QByteArray n = QByteArray::number(points);
    return kPcdHead + "WIDTH " + n + "\nHEIGHT 1\nPOINTS " + n + "\nDATA binary_compressed\n" +
           sizes + body;
}

enum class Outcome { Ok, CleanError, Other };

} // namespace

namespace QTest {
template <> inline char* toString(const Outcome& o) {
    return qstrdup(o == Outcome::Ok ? "Ok" : o == Outcome::CleanError ? "CleanError" : "Other");
}
} // namespace QTest

namespace {

Outcome tryRead(const std::string& path, std::string* message = nullptr) {
    try {
        FormatRegistry::builtin().read(path);
        return Outcome::Ok;
    } catch (const Error& e) {
        if (message) *message = e.what();
        return Outcome::CleanError;
    } catch (const std::exception& e) {
        if (message) *message = e.what();
        return Outcome::Other;
    }
}

} // namespace

class TestMalformed : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void cleanError_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("hint");

        QTest::newRow("empty file") << "empty.ply" << QByteArray() << "empty";
        QTest::newRow("ply wrong magic")
            << "magic.ply" << QByteArray("plx\nformat ascii 1.0\nend_header\n")
            << "magic line 'ply'";
        QTest::newRow("ply no format")
            << "nofmt.ply" << QByteArray("ply\nelement vertex 0\nend_header\n")
            << "no 'format' line";
        QTest::newRow("ply unknown encoding")
            << "enc.ply" << QByteArray("ply\nformat binary_middle_endian 1.0\nend_header\n")
            << "binary_big_endian";
        QTest::newRow("ply negative count")
            << "neg.ply" << QByteArray("ply\nformat ascii 1.0\nelement vertex -5\nend_header\n")
            << "count >= 0";
        QTest::newRow("ply absurd binary count")
            << "huge.ply"
            << QByteArray("ply\nformat binary_little_endian 1.0\nelement vertex "
                          "1000000000000000\nproperty float x\n"
                          "property float y\nproperty float z\nend_header\n") +
                   floats(3)
            << "more than the";
        QTest::newRow("ply absurd ascii count")
            << "hugea.ply"
            << QByteArray("ply\nformat ascii 1.0\nelement vertex 99999999999\nproperty float "
                          "x\nproperty float y\n"
                          "property float z\nend_header\n1 2 3\n")
            << "more than the";
        QTest::newRow("ply count overflow")
            << "ovf.ply"
            << QByteArray("ply\nformat binary_little_endian 1.0\nelement vertex "
                          "9223372036854775807\nproperty double x\n"
                          "property double y\nproperty double z\nend_header\n")
            << "more than the";
        QTest::newRow("ply unknown type")
            << "type.ply"
            << QByteArray(
                   "ply\nformat ascii 1.0\nelement vertex 1\nproperty float128 x\nend_header\n")
            << "unknown property type";
        QTest::newRow("ply property first")
            << "prop.ply" << QByteArray("ply\nformat ascii 1.0\nproperty float x\nend_header\n")
            << "before any 'element'";
        QTest::newRow("ply no end_header")
            << "noend.ply" << QByteArray("ply\nformat ascii 1.0\nelement vertex 1\n")
            << "end_header";
        QTest::newRow("ply truncated body")
            << "trunc.ply" << kPlyHead + "end_header\n" + floats(5) << "more than the";
        QTest::newRow("ply ascii not a number")
            << "nan.ply"
            << QByteArray("ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty "
                          "float y\nproperty float z\n"
                          "end_header\n1 abc 3\n")
            << "property 'y'";
        QTest::newRow("ply ascii truncated")
            << "short.ply"
            << QByteArray("ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty "
                          "float y\nproperty float z\n"
                          "end_header\n1 2 3\n4 5\n                    \n")
            << "unexpected end of file";
        QTest::newRow("ply face index out of range")
            << "face.ply"
            << kPlyHead + "element face 1\nproperty list uchar int vertex_indices\nend_header\n" +
                   floats(6) +
                   QByteArray("\x03\x00\x00\x00\x00\x01\x00\x00\x00\x07\x00\x00\x00", 13)
            << "vertex index of face 0 as a whole number in [0, 1], got 7";
        QTest::newRow("ply negative list count")
            << "negl.ply"
            << kPlyHead + "element face 1\nproperty list int int vertex_indices\nend_header\n" +
                   floats(6) + QByteArray("\xff\xff\xff\xff", 4)
            << "negative list length";
        QTest::newRow("ply list past the end")
            << "longl.ply"
            << kPlyHead + "element face 1\nproperty list int int vertex_indices\nend_header\n" +
                   floats(6) + QByteArray("\xff\xff\xff\x7f\x00\x00\x00\x00", 8)
            << "file ends inside record";
        QTest::newRow("ply no vertex element")
            << "nov.ply" << QByteArray("ply\nformat ascii 1.0\nelement face 0\nend_header\n")
            << "no 'vertex' element";
        QTest::newRow("ply vertex without xyz")
            << "noxyz.ply"
            << QByteArray(
                   "ply\nformat ascii 1.0\nelement vertex 1\nproperty float a\nend_header\n1\n")
            << "no x, y and z";

        QTest::newRow("off wrong magic")
            << "m.off" << QByteArray("OOF\n1 0 0\n0 0 0\n") << "magic 'OFF'";
        QTest::newRow("off missing counts") << "c.off" << QByteArray("OFF\n") << "counts";
        QTest::newRow("off absurd counts")
            << "a.off" << QByteArray("OFF\n100000000 100000000 0\n0 0 0\n") << "more than the";
        QTest::newRow("off short vertex line")
            << "s.off" << QByteArray("OFF\n2 0 0\n0 0\n1 1 1\n# padding padding padding\n")
            << "expected 3 numbers";
        QTest::newRow("off bad coordinate")
            << "b.off" << QByteArray("OFF\n1 0 0\n0 zero 0\n") << "expected a number";
        QTest::newRow("off face index out of range")
            << "f.off" << QByteArray("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n")
            << "vertex index in [0, 3)";
        QTest::newRow("off too few vertices")
            << "t.off" << QByteArray("OFF\n3 0 0\n0 0 0\n1 0 0\n# padding padding padding\n")
            << "unexpected end of file";
        QTest::newRow("off binary") << "bin.off" << QByteArray("OFF BINARY\n") << "binary OFF";

        QTest::newRow("xyz two numbers")
            << "two.xyz" << QByteArray("1 2\n3 4\n") << "at least three numbers";
        QTest::newRow("xyz ragged")
            << "rag.xyz" << QByteArray("1 2 3\n4 5 6 7\n") << "expected 3 numbers";
        QTest::newRow("xyz not a number")
            << "word.xyz" << QByteArray("1 2 3\n4 five 6\n") << "expected a number";
        QTest::newRow("xyz comments only")
            << "com.xyz" << QByteArray("# nothing\n// here\n") << "no data lines";

        QTest::newRow("pcd no DATA") << "d.pcd" << kPcdHead + "WIDTH 1\nHEIGHT 1\n"
                                     << "no DATA line";
        QTest::newRow("pcd field count mismatch")
            << "m.pcd"
            << QByteArray("# .PCD v0.7\nFIELDS x y z\nSIZE 4 4\nTYPE F F F\nWIDTH 1\nHEIGHT "
                          "1\nDATA ascii\n1 2 3\n")
            << "3 entries each";
        QTest::newRow("pcd points mismatch")
            << "p.pcd" << kPcdHead + "WIDTH 2\nHEIGHT 1\nPOINTS 3\nDATA ascii\n"
            << "differs from WIDTH x HEIGHT";
        QTest::newRow("pcd binary truncated")
            << "t.pcd" << kPcdHead + "WIDTH 1000\nHEIGHT 1\nPOINTS 1000\nDATA binary\n" + floats(6)
            << "more than the";
        QTest::newRow("pcd compressed absurd size")
            << "z.pcd" << compressedPcd(4000000000u, false) << "differs from POINTS";
        QTest::newRow("pcd compressed impossible ratio")
            << "r.pcd" << compressedPcd(120000000u, false, 10000000) << "impossible";
        QTest::newRow("pcd compressed corrupt")
            << "zc.pcd" << compressedPcd(24, true) << "corrupt LZF";
        QTest::newRow("pcd unknown type")
            << "u.pcd"
            << QByteArray("# .PCD v0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE X F F\nWIDTH 1\nHEIGHT "
                          "1\nDATA ascii\n1 2 3\n")
            << "unsupported TYPE";

        QTest::newRow("extxyz truncated atoms")
            << "t.xyz" << QByteArray("3\nProperties=species:S:1:pos:R:3\nC 0 0 0\nH 1 0 0\n")
            << "expected 3 atom lines";
        QTest::newRow("extxyz bad property type")
            << "p.xyz" << QByteArray("1\nProperties=species:S:1:pos:Q:3\nC 0 0 0\n")
            << "expected S, R, I or L";
        QTest::newRow("extxyz absurd count")
            << "a.xyz" << QByteArray("900000000000\nenergy=1\nC 0 0 0\n") << "bytes left";
        QTest::newRow("extxyz unterminated quote")
            << "q.xyz" << QByteArray("1\nLattice=\"1 0 0\nC 0 0 0\n") << "unterminated quote";
        QTest::newRow("extxyz number expected")
            << "n.xyz" << QByteArray("1\nProperties=species:S:1:pos:R:3\nC 0 zero 0\n")
            << "expected a number";
        QTest::newRow("bvh unknown channel")
            << "c.bvh"
            << QByteArray("HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 1 Wrotation\n}\n")
            << "unknown channel";
        QTest::newRow("bvh truncated motion")
            << "m.bvh"
            << QByteArray("HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 3 Xposition Yposition "
                          "Zposition\n}\nMOTION\nFrames: 3\nFrame Time: 0.1\n1 2 3\n4 5 6\n1 2\n")
            << "expected a channel value";
        QTest::newRow("bvh missing brace")
            << "b.bvh" << QByteArray("HIERARCHY\nROOT Hips\nOFFSET 0 0 0\n") << "expected '{'";
        QTest::newRow("graphml not xml")
            << "x.graphml" << QByteArray("<graphml><graph><node id=\"a\"></graph>")
            << "not well-formed";
        QTest::newRow("graphml edge without target")
            << "e.graphml"
            << QByteArray("<graphml><graph><node id=\"a\"/><edge source=\"a\"/></graph></graphml>")
            << "without source or target";
        QTest::newRow("edge list bad weight")
            << "w.edgelist" << QByteArray("1 2 3\n2 3 heavy\n") << "numeric weight";
        QTest::newRow("edge list ragged")
            << "r.edgelist" << QByteArray("1 2\n2 3 4\n") << "columns";
        QTest::newRow("npy bad magic")
            << "m.npy" << QByteArray("\x93NUMPZ\x01\x00\x10\x00{}", 12) << "\\x93NUMPY";
        QTest::newRow("npy header too long")
            << "h.npy" << QByteArray("\x93NUMPY\x01\x00\xff\x7f{}", 12) << "header length";
        QTest::newRow("npy complex dtype")
            << "c.npy" << npyHeader("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }")
            << "float32 or float64";
        QTest::newRow("npy absurd shape")
            << "s.npy"
            << npyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000, 3), }")
            << "more than the";
        QTest::newRow("npy one dimension")
            << "1.npy"
            << npyHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }") +
                   QByteArray(24, '\0')
            << "[N,3]";
        QTest::newRow("npy missing shape")
            << "n.npy" << npyHeader("{'descr': '<f8', 'fortran_order': False, }") << "'shape'";

        QTest::newRow("npz truncated")
            << "t.npz" << QByteArray("PK\x03\x04 this is not the rest of a zip", 34)
            << "end-of-directory";
        QByteArray noNpy =
            test::readAll(QStringLiteral(EQUISCOPE_TEST_DATA "/fixtures/cloud_stored.npz"));
        noNpy.replace(".npy", ".txt");
        QTest::newRow("npz without arrays") << "n.npz" << noNpy << "no .npy member";
        QByteArray flipped =
            test::readAll(QStringLiteral(EQUISCOPE_TEST_DATA "/fixtures/cloud_deflated.npz"));
        for (int i = 80; i < 200; i += 3) flipped[i] = static_cast<char>(flipped[i] ^ 0x5a);
        QTest::newRow("npz corrupt deflate") << "d.npz" << flipped << "points.npy";
    }

    // The real point clouds, trajectories and graphs that are single text or binary files.
    static QStringList realFiles() {
        QStringList paths;
        const QString root = QStringLiteral(EQUISCOPE_REAL_DATA);
        for (const auto& [dir, patterns] : std::vector<std::pair<QString, QStringList>>{
                 {root + "/pointclouds", {"*.ply", "*.off", "*.pcd", "*.xyz"}},
                 {root + "/trajectories", {"*.xyz", "*.bvh"}},
                 {root + "/graphs", {"*.graphml", "*.edgelist"}}})
            for (const QString& f : QDir(dir).entryList(patterns, QDir::Files))
                paths << dir + "/" + f;
        return paths;
    }

    void cleanError() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, hint);
        const std::string path = test::writeTempFile(dir_, name, bytes);
        std::string message;
        QCOMPARE(tryRead(path, &message), Outcome::CleanError);
        const QString m = QString::fromStdString(message);
        QVERIFY2(m.contains(QString::fromStdString(path)), qPrintable("no file name in: " + m));
        QVERIFY2(m.contains(hint), qPrintable("expected '" + hint + "' in: " + m));
    }

    // tests/data/malformed (made by tests/data/make_malformed.py): one file or TU folder per
    // row of expected.tsv, each opened as the CLI opens it, within the row's read budget.
    void malformedFiles_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("hint");
        QTest::addColumn<qulonglong>("budget");
        const QString dir = QStringLiteral(EQUISCOPE_TEST_DATA "/malformed");
        std::map<QString, int> perClass;
        QStringList listed;
        for (const QString& line : QString::fromUtf8(test::readAll(dir + "/expected.tsv"))
                                       .split('\n', Qt::SkipEmptyParts)) {
            if (line.startsWith('#')) continue;
            const QStringList cols = line.split('\t');
            if (cols.size() != 4) qFatal("bad row in expected.tsv: %s", qPrintable(line));
            QTest::newRow(qPrintable(cols[0]))
                << dir + "/" + cols[0] << cols[2] << cols[3].toULongLong();
            ++perClass[cols[1]];
            listed << cols[0];
        }
        for (const auto& [klass, count] : perClass)
            if (count < 2) qFatal("defect class '%s' has %d input(s)", qPrintable(klass), count);
        for (const QString& f :
             QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot))
            if (f != "expected.tsv" && !listed.contains(f))
                qFatal("%s is not listed in expected.tsv", qPrintable(f));
        if (perClass.size() < 12) qFatal("expected.tsv covers only %zu classes", perClass.size());
    }

    void malformedFiles() {
        QFETCH(QString, path);
        QFETCH(QString, hint);
        QFETCH(qulonglong, budget);
        ReadBudget::setLimit(budget ? budget : ReadBudget::kDefaultBytes);
        QElapsedTimer clock;
        clock.start();
        QString message;
        try {
            loadDataset(path.toStdString());
        } catch (const Error& e) {
            message = QString::fromUtf8(e.what());
        }
        ReadBudget::setLimit(ReadBudget::kDefaultBytes);
        QVERIFY2(!message.isEmpty(), "read without an error");
        QVERIFY2(message.contains(path), qPrintable("no file name in: " + message));
        QVERIFY2(message.contains(hint), qPrintable("expected '" + hint + "' in: " + message));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed()) + " ms"));
    }

    void missingFileIsCleanError() {
        std::string message;
        QCOMPARE(tryRead("/nonexistent/cloud.ply", &message), Outcome::CleanError);
        QVERIFY(QString::fromStdString(message).contains("cannot open"));
    }

    // Cutting real files anywhere gives a clean error or (for text cut at a line end) a
    // smaller cloud, never anything else.
    void truncationSweep() {
        int errors = 0;
        for (const QString& source : realFiles()) {
            const QString file = QFileInfo(source).fileName();
            const QByteArray bytes = test::readAll(source);
            const int size = static_cast<int>(bytes.size());
            for (int cut : {1, 7, 64, 200, size / 3, size / 2, size - 9}) {
                if (cut <= 0 || cut >= bytes.size()) continue;
                const std::string path = test::writeTempFile(dir_, "cut_" + file, bytes.left(cut));
                std::string message;
                const Outcome o = tryRead(path, &message);
                QVERIFY2(o != Outcome::Other,
                         qPrintable(file + ": " + QString::fromStdString(message)));
                errors += o == Outcome::CleanError;
            }
        }
        QVERIFY(errors > 50);
    }

    void byteFlipSweep() {
        std::mt19937 rng(12345);
        QStringList paths = realFiles();
        paths << EQUISCOPE_TEST_DATA "/fixtures/cloud_deflated.npz"
              << EQUISCOPE_TEST_DATA "/fixtures/points_f4.npy";
        for (const QString& source : paths) {
            const QByteArray bytes = test::readAll(source);
            for (int trial = 0; trial < 12; ++trial) {
                QByteArray corrupt = bytes;
                // Flip a few bytes, biased to the header where the counts and types live.
                for (int k = 0; k < 3; ++k) {
                    const int limit =
                        trial % 2 ? corrupt.size() : std::min<int>(corrupt.size(), 400);
                    const int at = static_cast<int>(rng() % static_cast<unsigned>(limit));
                    corrupt[at] = static_cast<char>(corrupt[at] ^ (1 << (rng() % 8)));
                }
                const std::string path =
                    test::writeTempFile(dir_, "flip_" + QFileInfo(source).fileName(), corrupt);
                std::string message;
                QVERIFY2(tryRead(path, &message) != Outcome::Other,
                         qPrintable(source + ": " + QString::fromStdString(message)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMalformed)
#include "test_malformed.moc"
