// The built-in demo: deterministic, the shapes it promises, parts on the composite.

#include "TestSupport.h"
#include "data/Summary.h"
#include "io/LoadDataset.h"
#include "scene/DemoScene.h"

#include <cmath>
#include <set>

using namespace equiscope;

class TestDemoScene : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void sphereAndTorusLieOnTheirSurfaces() {
        const Sample sphere = sampleShape(DemoShape::Sphere, 2000, 5);
        for (int64_t r = 0; r < sphere.nodeCount(); ++r) {
            const Field& p = sphere.positions();
            QVERIFY(std::abs(std::hypot(p.at(r, 0), p.at(r, 1), p.at(r, 2)) - 1.0) < 1e-12);
        }
        const Sample torus = sampleShape(DemoShape::Torus, 2000, 5);
        for (int64_t r = 0; r < torus.nodeCount(); ++r) {
            const Field& p = torus.positions();
            const double ring = std::hypot(p.at(r, 0), p.at(r, 1)) - 1.0;
            QVERIFY(std::abs(std::hypot(ring, p.at(r, 2)) - 0.35) < 1e-12);
        }
    }

    // Uniform on the sphere: the mean of each coordinate is near 0, of its square near 1/3.
    void sphereSamplingIsUniform() {
        const Sample sphere = sampleShape(DemoShape::Sphere, 20000, 11);
        const Field& p = sphere.positions();
        for (int k = 0; k < 3; ++k) {
            double mean = 0, square = 0;
            for (int64_t r = 0; r < p.rows(); ++r) {
                mean += p.at(r, k);
                square += p.at(r, k) * p.at(r, k);
            }
            QVERIFY(std::abs(mean / p.rows()) < 0.02);
            QVERIFY(std::abs(square / p.rows() - 1.0 / 3) < 0.01);
        }
    }

    void sceneHasPartsAndIsDeterministic() {
        const Sample a = makeDemoScene(1000, 7), b = makeDemoScene(1000, 7);
        QCOMPARE(a.positions().values, b.positions().values);
        QCOMPARE(a.nodeCount(), 4000);
        QCOMPARE(a.parts.size(), std::size_t(4000));
        const std::set<int64_t> parts(a.parts.begin(), a.parts.end());
        QCOMPARE(parts, (std::set<int64_t>{0, 1, 2, 3, 4, 5, 6}));
        QCOMPARE(a.find("part")->type, FieldType::Categorical);
        QCOMPARE(a.find("normal")->type, FieldType::Vector);
        const Sample c = makeDemoScene(1000, 8);
        QVERIFY(c.positions().values != a.positions().values);
    }

    void demoLoadsByName() {
        const DatasetSummary s = summarize(loadDataset("demo"));
        QCOMPARE(s.nodes, 16000);
        QVERIFY(s.bboxMin[0] < -5 && s.bboxMax[0] > 5);
    }
};

QTEST_GUILESS_MAIN(TestDemoScene)
#include "test_demo_scene.moc"
