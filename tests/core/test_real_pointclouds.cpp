// Every real point cloud in shared/data/real/pointclouds, read by our readers, checked
// against counts, bounds and centroids from an independent numpy parse.

#include "TestSupport.h"
#include "data/Summary.h"
#include "io/FormatRegistry.h"

using namespace equiscope;

class TestRealPointClouds : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyFileHasExpectedValues_data() {
        QTest::addColumn<QString>("file");
        const QJsonObject expected = test::expectedRealValues();
        QVERIFY2(QDir(test::realPointClouds()).exists(), "shared/data/real/pointclouds is missing");
        const auto files = QDir(test::realPointClouds()).entryList(QDir::Files);
        int readable = 0;
        for (const QString& f : files) {
            if (f.endsWith(".md")) continue;
            QVERIFY2(expected.contains(f), qPrintable("no expected values for " + f));
            QTest::newRow(qPrintable(f)) << f;
            ++readable;
        }
        QCOMPARE(readable, expected.size());
    }

    void everyFileHasExpectedValues() {
        QFETCH(QString, file);
        const QJsonObject e = test::expectedRealValues()[file].toObject();
        const Dataset d =
            FormatRegistry::builtin().read((test::realPointClouds() + "/" + file).toStdString());
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.nodes, e["nodes"].toInteger());
        QCOMPARE(s.faces, e["faces"].toInteger());
        QCOMPARE(s.nonFinitePositions, e["nonfinite"].toInteger());
        for (int k = 0; k < 3; ++k) {
            QVERIFY2(test::close(s.bboxMin[k], e["bbox_min"][k].toDouble()),
                     qPrintable(QString("bbox min %1").arg(k)));
            QVERIFY2(test::close(s.bboxMax[k], e["bbox_max"][k].toDouble()),
                     qPrintable(QString("bbox max %1").arg(k)));
            QVERIFY2(test::close(s.centroid[k], e["centroid"][k].toDouble(), 1e-12),
                     qPrintable(QString("centroid %1: %2 vs %3")
                                    .arg(k)
                                    .arg(s.centroid[k], 0, 'g', 17)
                                    .arg(e["centroid"][k].toDouble(), 0, 'g', 17)));
        }
    }

    // Every vertex property becomes a typed field.
    void propertiesBecomeTypedFields() {
        auto fields = [](const QString& file) {
            const Dataset d = FormatRegistry::builtin().read(
                (test::realPointClouds() + "/" + file).toStdString());
            QStringList out;
            for (const Field& f : d.samples[0].fields)
                out << QString("%1:%2:%3")
                           .arg(QString::fromStdString(f.name))
                           .arg(fieldTypeName(f.type).data())
                           .arg(f.width());
            return out.join(' ');
        };
        QCOMPARE(fields("bunny_stanford_ascii_xyz_confidence_intensity.ply"),
                 QString("pos:position:3 confidence:scalar:1 intensity:scalar:1"));
        QCOMPARE(fields("points_double_xyz_normals_binary_le.ply"),
                 QString("pos:position:3 normal:vector:3"));
        QCOMPARE(fields("fuze_binary_le_rgba_texcoord.ply"),
                 QString("pos:position:3 color:scalar:4"));
        QCOMPARE(fields("pcl_colored_cloud_binary.pcd"),
                 QString("pos:position:3 normal:vector:3 color:scalar:3 curvature:scalar:1"));
        QCOMPARE(fields("pcl_bun0_ascii_normals_curvature.pcd"),
                 QString("pos:position:3 normal:vector:3 curvature:scalar:1"));
        QCOMPARE(fields("bunny_points_normals_NOFF.off"),
                 QString("pos:position:3 normal:vector:3"));
        QCOMPARE(fields("cloudcompare_points_rgb.xyz"), QString("pos:position:3 color:scalar:4"));
    }

    // Double-precision and UTM-sized coordinates survive exactly.
    void precisionIsKept() {
        const Dataset d = FormatRegistry::builtin().read(
            (test::realPointClouds() + "/cloudcompare_points_rgb.xyz").toStdString());
        const Field& pos = d.samples[0].positions();
        QCOMPARE(pos.at(0, 0), 665187.522077);
        QCOMPARE(pos.at(0, 1), 5648349.895035);
        QCOMPARE(pos.storage, Storage::Float64);
        const Field* color = d.samples[0].find("color");
        QVERIFY(color);
        QCOMPARE(color->at(0, 0), 117.0);
        QCOMPARE(color->at(0, 3), 255.0);
    }

    // The face-first PLY keeps its faces, and every index is a valid vertex.
    void facesAreKeptInAnyElementOrder() {
        const Dataset d = FormatRegistry::builtin().read(
            (test::realPointClouds() + "/bunny_face_element_first_binary_le.ply").toStdString());
        const Sample& s = d.samples[0];
        QCOMPARE(s.faces.count(), 5766);
        QCOMPARE(static_cast<int64_t>(s.faces.indices.size()), 5766 * 3);
        for (int64_t v : s.faces.indices) QVERIFY(v >= 0 && v < s.nodeCount());
    }

    // Colours packed into PCD's float rgb come out as 0..255 channels.
    void packedPcdColours() {
        const Dataset d = FormatRegistry::builtin().read(
            (test::realPointClouds() + "/pcl_colored_cloud_binary.pcd").toStdString());
        const Field* color = d.samples[0].find("color");
        QVERIFY(color);
        for (double v : color->values) QVERIFY(v >= 0 && v <= 255 && v == std::floor(v));
    }
};

QTEST_GUILESS_MAIN(TestRealPointClouds)
#include "test_real_pointclouds.moc"
