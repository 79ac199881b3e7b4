// Format variants written by hand: PLY ascii / big endian, OFF header variants, COFF,
// XYZ separators and headers, PCD ascii with packed rgb, NPY / NPZ made by NumPy,
// sniffing by content, NaN handling.

#include "TestSupport.h"
#include "data/Summary.h"
#include "io/FormatRegistry.h"

#include <cmath>
#include <cstring>

using namespace equiscope;

namespace {

Sample readOne(const std::string& path) {
    return FormatRegistry::builtin().read(path).samples.at(0);
}

QByteArray bigEndianFloat(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((bits >> (24 - 8 * i)) & 0xff);
    return out;
}

// The formula of tests/data/make_fixtures.py.
double fixturePos(int i, int k) {
    return (i * (k + 1)) / 8.0 - 1.0;
}

} // namespace

class TestFormats : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void plyAscii() {
        const auto path = test::writeTempFile(
            dir_, "a.ply",
            "ply\nformat ascii 1.0\ncomment hi\nelement vertex 3\nproperty float x\n"
            "property float y\nproperty float z\nproperty uchar red\nproperty uchar green\n"
            "property uchar blue\nelement face 1\nproperty list uchar int vertex_indices\n"
            "end_header\n0 0 0 255 0 0\n1 0 0 0 255 0\n0 1 0.5 0 0 255\n3 0 1 2\n");
        const Sample s = readOne(path);
        QCOMPARE(s.nodeCount(), 3);
        QCOMPARE(s.positions().at(2, 2), 0.5);
        QCOMPARE(s.find("color")->at(1, 1), 255.0);
        QCOMPARE(s.faces.count(), 1);
        QCOMPARE(s.faces.indices, (std::vector<int64_t>{0, 1, 2}));
    }

    void plyBigEndianWithEdges() {
        QByteArray bytes("ply\nformat binary_big_endian 1.0\nelement vertex 2\nproperty float "
                         "x\nproperty float y\n"
                         "property float z\nelement edge 1\nproperty int vertex1\nproperty int "
                         "vertex2\nend_header\n");
        for (float v : {1.5f, -2.0f, 3.25f, 4.0f, 5.0f, 6.0f}) bytes += bigEndianFloat(v);
        bytes += QByteArray("\x00\x00\x00\x01\x00\x00\x00\x00", 8);
        const Sample s = readOne(test::writeTempFile(dir_, "be.ply", bytes));
        QCOMPARE(s.positions().values, (std::vector<double>{1.5, -2.0, 3.25, 4.0, 5.0, 6.0}));
        QCOMPARE(s.edgeIndex, (std::vector<int64_t>{1, 0}));
    }

    void offHeaderVariants_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("two lines") << QByteArray("OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
        QTest::newRow("counts on magic line")
            << QByteArray("OFF 3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
        QTest::newRow("glued counts") << QByteArray("OFF3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
        QTest::newRow("comments and CRLF") << QByteArray(
            "OFF\r\n# made by hand\r\n3 1 0\r\n0 0 0\r\n1 0 0\r\n\r\n0 1 0\r\n3 0 1 2 255 0 0\r\n");
    }
    void offHeaderVariants() {
        QFETCH(QByteArray, text);
        const Sample s = readOne(test::writeTempFile(dir_, "v.off", text));
        QCOMPARE(s.nodeCount(), 3);
        QCOMPARE(s.faces.count(), 1);
        QCOMPARE(s.positions().at(2, 1), 1.0);
    }

    void coffColours() {
        const Sample rgb = readOne(
            test::writeTempFile(dir_, "c3.off", "COFF\n2 0 0\n0 0 0 10 20 30\n1 1 1 40 50 60\n"));
        QCOMPARE(rgb.find("color")->width(), 3);
        QCOMPARE(rgb.find("color")->at(1, 2), 60.0);
        const Sample rgba =
            readOne(test::writeTempFile(dir_, "c4.off", "COFF\n1 0 0\n0 0 0 10 20 30 255\n"));
        QCOMPARE(rgba.find("color")->width(), 4);
        const Sample noff =
            readOne(test::writeTempFile(dir_, "n.off", "NOFF\n1 0 0\n0 0 0 0 0 1\n"));
        QCOMPARE(noff.find("normal")->type, FieldType::Vector);
    }

    void xyzVariants() {
        const Sample comma =
            readOne(test::writeTempFile(dir_, "c.xyz", "# comment\n1,2,3\n4,5,6\n"));
        QCOMPARE(comma.positions().values, (std::vector<double>{1, 2, 3, 4, 5, 6}));
        const Sample named = readOne(
            test::writeTempFile(dir_, "n.txt", "//X Y Z Intensity\n1 2 3 0.5\n4 5 6 0.25\n"));
        QVERIFY(named.find("intensity"));
        QCOMPARE(named.find("intensity")->at(1, 0), 0.25);
        const Sample normals =
            readOne(test::writeTempFile(dir_, "nn.xyz", "0 0 0 0 0 1\n1 1 1 1 0 0\n"));
        QCOMPARE(normals.find("normal")->type, FieldType::Vector);
        const Sample generic =
            readOne(test::writeTempFile(dir_, "g.xyz", "0 0 0 0.5 7.25\n1 1 1 2.5 -3\n"));
        QCOMPARE(generic.find("col5")->at(1, 0), -3.0);
    }

    void pcdAsciiPackedRgb() {
        // PCL writes packed rgb as the float with those bits: 0x00ff8040 -> 255, 128, 64.
        const uint32_t bits = 0x00ff8040u;
        float packed;
        std::memcpy(&packed, &bits, 4);
        const QByteArray text =
            "# .PCD v0.7\nVERSION 0.7\nFIELDS x y z rgb\nSIZE 4 4 4 4\nTYPE F F F F\nCOUNT 1 1 1 "
            "1\n"
            "WIDTH 1\nHEIGHT 1\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS 1\nDATA ascii\n1 2 3 " +
            QByteArray::number(static_cast<double>(packed), 'g', 9) + "\n";
        const Sample s = readOne(test::writeTempFile(dir_, "p.pcd", text));
        QCOMPARE(s.find("color")->values, (std::vector<double>{255, 128, 64}));
    }

    void numpyFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("dims");
        QTest::newRow("float32") << "points_f4.npy" << 3;
        QTest::newRow("float64 big endian") << "points_f8_big_endian.npy" << 3;
        QTest::newRow("fortran order with extra columns") << "points_fortran.npy" << 3;
        QTest::newRow("two columns") << "points_2d.npy" << 2;
        QTest::newRow("npz stored") << "cloud_stored.npz" << 3;
        QTest::newRow("npz deflated") << "cloud_deflated.npz" << 3;
    }
    void numpyFixtures() {
        QFETCH(QString, file);
        QFETCH(int, dims);
        const Sample s =
            readOne(QStringLiteral(EQUISCOPE_TEST_DATA "/fixtures/%1").arg(file).toStdString());
        QCOMPARE(s.nodeCount(), 40);
        for (int i = 0; i < 40; ++i)
            for (int k = 0; k < 3; ++k)
                QCOMPARE(s.positions().at(i, k), k < dims ? fixturePos(i, k) : 0.0);
        if (file == "points_fortran.npy") {
            QCOMPARE(s.find("features")->width(), 2);
            QCOMPARE(s.find("features")->at(7, 0), 2.0);
            QCOMPARE(s.find("features")->at(7, 1), -7.0);
        }
        if (file == "cloud_stored.npz") {
            QCOMPARE(s.find("part")->type, FieldType::Categorical);
            QCOMPARE(s.parts.size(), std::size_t(40));
            QCOMPARE(s.parts[5], int64_t(2));
            QCOMPARE(s.find("normals")->type, FieldType::Vector);
        }
        if (file == "cloud_deflated.npz") QCOMPARE(s.find("intensity")->at(9, 0), 9.0);
    }

    // The first bytes decide, whatever the extension says.
    void sniffingBeatsExtension() {
        const auto path =
            test::writeTempFile(dir_, "really_ply.dat",
                                "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\n"
                                "property float y\nproperty float z\nend_header\n1 2 3\n");
        QCOMPARE(QString::fromStdString(FormatRegistry::builtin().readerFor(path).name()),
                 QString("PLY"));
        const auto off = test::writeTempFile(dir_, "mislabelled.xyz", "OFF\n1 0 0\n1 2 3\n");
        QCOMPARE(QString::fromStdString(FormatRegistry::builtin().readerFor(off).name()),
                 QString("OFF"));
        const auto text = test::writeTempFile(dir_, "points.dat", "1 2 3\n4 5 6\n");
        QCOMPARE(QString::fromStdString(FormatRegistry::builtin().readerFor(text).name()),
                 QString("XYZ"));
    }

    // NaN and Inf coordinates are loaded and reported, not dropped.
    void nonFiniteIsKeptAndReported() {
        const Dataset d = FormatRegistry::builtin().read(
            test::writeTempFile(dir_, "nan.xyz", "1 2 3\nnan 0 0\n0 inf 0\n3 2 1\n"));
        QCOMPARE(d.samples[0].nodeCount(), 4);
        QVERIFY(std::isnan(d.samples[0].positions().at(1, 0)));
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.nonFinitePositions, 2);
        QCOMPARE(s.centroid[0], 2.0);
        QCOMPARE(s.bboxMax[2], 3.0);
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "test_formats.moc"
