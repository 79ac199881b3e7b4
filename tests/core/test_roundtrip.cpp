// Writers: what binary PLY and NPY write, our readers read back unchanged (names, types,
// widths, values, faces, edges, NaN), and a failed or finished write leaves no debris.

#include "TestSupport.h"
#include "io/FormatRegistry.h"
#include "io/Writers.h"
#include "scene/DemoScene.h"
#include "util/Error.h"

#include <cmath>
#include <limits>

using namespace equiscope;

namespace {

Sample richSample() {
    const int64_t n = 50;
    std::vector<double> pos, normal, color, velocity, label, features;
    for (int64_t i = 0; i < n; ++i) {
        pos.insert(pos.end(), {0.1 * i + 1e-9, std::sin(0.3 * i), 665187.522077 + i});
        normal.insert(normal.end(), {0.0, 0.6, 0.8});
        color.insert(color.end(), {double(i % 256), 255.0 - i, 7.0, 255.0});
        velocity.insert(velocity.end(), {0.5f * i, -0.25, 0.125});
        label.push_back(double(i % 4));
        features.insert(features.end(), {0.5 * i, -1.0 * i});
    }
    pos[3 * 7] = std::numeric_limits<double>::quiet_NaN();
    Sample s;
    s.setField(Field::perNode("pos", FieldType::Position, n, 3, pos, Storage::Float64));
    s.setField(Field::perNode("normal", FieldType::Vector, n, 3, normal, Storage::Float32));
    s.setField(Field::perNode("color", FieldType::Scalar, n, 4, color, Storage::Integer));
    s.setField(Field::perNode("velocity", FieldType::Vector, n, 3, velocity, Storage::Float32));
    s.setField(Field::perNode("label", FieldType::Categorical, n, 1, label, Storage::Integer));
    s.setField(Field::perNode("features", FieldType::Scalar, n, 2, features, Storage::Float64));
    s.faces.offsets = {0, 3, 7};
    s.faces.indices = {0, 1, 2, 3, 4, 5, 6};
    s.edgeIndex = {0, 1, 2, 1, 2, 3}; // edges 0-1, 1-2, 2-3
    return s;
}

bool sameValue(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

class TestRoundTrip : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private Q_SLOTS:
    void plyKeepsEverything() {
        const Sample original = richSample();
        const std::string path = dir_.filePath("rich.ply").toStdString();
        writePly(path, original);
        const Dataset d = FormatRegistry::builtin().read(path);
        QCOMPARE(QString::fromStdString(d.format), QString("PLY"));
        const Sample& back = d.samples.at(0);
        QCOMPARE(back.fields.size(), original.fields.size());
        for (const Field& f : original.fields) {
            const Field* g = back.find(f.name);
            QVERIFY2(g, f.name.c_str());
            QCOMPARE(g->type, f.type);
            QCOMPARE(g->width(), f.width());
            for (std::size_t i = 0; i < f.values.size(); ++i) {
                const double expected =
                    f.storage == Storage::Float32 ? double(float(f.values[i])) : f.values[i];
                QVERIFY2(sameValue(g->values[i], expected),
                         qPrintable(QString("%1[%2]").arg(f.name.c_str()).arg(i)));
            }
        }
        QCOMPARE(back.faces.offsets, original.faces.offsets);
        QCOMPARE(back.faces.indices, original.faces.indices);
        QCOMPARE(back.edgeIndex, original.edgeIndex);
    }

    void npyKeepsPositionsAndColumns_data() {
        QTest::addColumn<bool>("float64");
        QTest::newRow("float32") << false;
        QTest::newRow("float64") << true;
    }
    void npyKeepsPositionsAndColumns() {
        QFETCH(bool, float64);
        const Sample demo = sampleShape(DemoShape::Torus, 500, 3);
        Sample s;
        const Field& p = demo.positions();
        s.setField(Field::perNode("pos", FieldType::Position, p.rows(), 3, p.values,
                                  float64 ? Storage::Float64 : Storage::Float32));
        s.setField(*demo.find("normal"));
        const std::string path = dir_.filePath("torus.npy").toStdString();
        writeNpy(path, s);
        const Sample back = FormatRegistry::builtin().read(path).samples.at(0);
        QCOMPARE(back.nodeCount(), s.nodeCount());
        QCOMPARE(back.find("features")->width(), 3);
        for (int64_t r = 0; r < s.nodeCount(); ++r)
            for (int k = 0; k < 3; ++k) {
                const double v = p.at(r, k);
                QCOMPARE(back.positions().at(r, k), float64 ? v : double(float(v)));
                QCOMPARE(back.find("features")->at(r, k),
                         float64 ? demo.find("normal")->at(r, k)
                                 : double(float(demo.find("normal")->at(r, k))));
            }
    }

    // Rewriting replaces the file whole and leaves no temporary file beside it.
    void writesAreAtomic() {
        const QString path = dir_.filePath("atomic.ply");
        test::writeTempFile(dir_, "atomic.ply", QByteArray(100000, 'x'));
        writeSample(path.toStdString(), sampleShape(DemoShape::Sphere, 10, 1));
        QVERIFY(test::readAll(path).startsWith("ply\n"));
        QVERIFY(test::readAll(path).size() < 100000);
        QCOMPARE(QDir(dir_.path()).entryList({"atomic.ply.tmp*"}, QDir::Files).size(), 0);
    }

    void failedWriteKeepsTheOldFile() {
        const QString path = dir_.filePath("keep.stl");
        test::writeTempFile(dir_, "keep.stl", "1 2 3\n");
        QVERIFY_THROWS_EXCEPTION(
            Error, writeSample(path.toStdString(), sampleShape(DemoShape::Box, 10, 1)));
        QCOMPARE(test::readAll(path), QByteArray("1 2 3\n"));
        QVERIFY_THROWS_EXCEPTION(
            Error, writeSample("/nonexistent-dir/out.ply", sampleShape(DemoShape::Box, 10, 1)));
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "test_roundtrip.moc"
