// equiscope-cli sh, tp and tp bench as a user scripts them: .npy in, .npy out in e3nn's
// layout; the three tensor-product kinds agree with each other and with an independent
// quadrature of the product of the two spherical functions; bad input exits 2.

#include "TestSupport.h"
#include "harmonics/SphereQuadrature.h"
#include "harmonics/SphericalHarmonics.h"
#include "io/NpyArray.h"

#include <QJsonArray>
#include <random>

using namespace equiscope;

namespace {

test::CliRun cli(const QStringList& args) {
    return test::runTool("equiscope-cli", args);
}

std::vector<double> randomValues(std::size_t n, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::vector<double> v(n);
    for (double& x : v) x = normal(rng);
    return v;
}

} // namespace

class TestCliTp : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

  private Q_SLOTS:
    // SH of non-unit float32 points: their directions' harmonics, (N, 16), float64.
    void shOfPoints() {
        const std::vector<double> p = randomValues(3 * 5, 1);
        writeNpyFile(path("p.npy"), p, {5, 3}, false);
        const auto r = cli({"sh", "--lmax", "3", "--points", dir_.filePath("p.npy"), "--out",
                            dir_.filePath("y.npy"), "--normalization", "norm"});
        QCOMPARE(r.status, 0);
        const NpyArray y = readNpyFile(path("y.npy"));
        QCOMPARE(y.shape, std::vector<int64_t>({5, 16}));
        QCOMPARE(y.storage, Storage::Float64);
        const NpyArray points = readNpyFile(path("p.npy")); // the float32 values the CLI saw
        for (int i = 0; i < 5; ++i) {
            const Eigen::Vector3d v(points.values[i * 3], points.values[i * 3 + 1],
                                    points.values[i * 3 + 2]);
            // norm normalisation: Y1 is the unit direction itself.
            for (int k = 0; k < 3; ++k)
                QVERIFY(std::abs(y.values[i * 16 + 1 + k] - v.normalized()[k]) < 1e-12);
            QCOMPARE(y.values[i * 16], 1.0);
        }
    }

    void productKindsAgreeWithAQuadrature() {
        const int l1 = 3, l2 = 2, l3 = 4, b = 3;
        const std::vector<double> x = randomValues(b * 16, 2), y = randomValues(b * 9, 3);
        writeNpyFile(path("x.npy"), x, {b, 16}, true);
        writeNpyFile(path("yy.npy"), y, {b, 9}, false);
        std::vector<std::vector<double>> results;
        for (const char* kind : {"gaunt", "gaunt-dense", "gaunt-grid", "cg"}) {
            const auto r = cli({"tp", "--kind", kind, "--lmax1", "3", "--lmax2", "2", "--lmax-out",
                                "4", "--x", dir_.filePath("x.npy"), "--y", dir_.filePath("yy.npy"),
                                "--out", dir_.filePath("z.npy")});
            QVERIFY2(r.status == 0, r.err.constData());
            const NpyArray z = readNpyFile(path("z.npy"));
            QCOMPARE(z.shape, std::vector<int64_t>({b, 25}));
            results.push_back(z.values);
        }
        const SphereQuadrature q = sphereQuadrature(l1 + l2 + l3);
        const Eigen::MatrixXd y1 = sphericalHarmonics(l1, q.points),
                              y2 = sphericalHarmonics(l2, q.points),
                              y3 = sphericalHarmonics(l3, q.points);
        for (int s = 0; s < b; ++s) {
            const Eigen::VectorXd xs = Eigen::Map<const Eigen::VectorXd>(x.data() + s * 16, 16);
            Eigen::VectorXd ys(9);
            for (int i = 0; i < 9; ++i) ys[i] = static_cast<float>(y[s * 9 + i]);
            const Eigen::VectorXd expected =
                y3.transpose() * q.weights.cwiseProduct((y1 * xs).cwiseProduct(y2 * ys));
            for (const auto& z : results)
                for (int k = 0; k < 25; ++k)
                    QVERIFY(std::abs(z[s * 25 + k] - expected[k]) < 1e-10 * expected.norm());
        }
    }

    void badInputExitsTwo() {
        writeNpyFile(path("wrong.npy"), randomValues(3 * 7, 4), {3, 7}, true);
        const auto columns = cli({"tp", "--lmax1", "1", "--lmax2", "1", "--lmax-out", "1", "--x",
                                  dir_.filePath("wrong.npy"), "--y", dir_.filePath("wrong.npy"),
                                  "--out", dir_.filePath("out.npy")});
        QCOMPARE(columns.status, 2);
        QVERIFY(columns.err.contains("wrong.npy") && columns.err.contains("[N, 4]"));
        const auto kind = cli({"tp", "--kind", "fft", "--lmax1", "1", "--lmax2", "1", "--lmax-out",
                               "1", "--x", dir_.filePath("wrong.npy"), "--y",
                               dir_.filePath("wrong.npy"), "--out", dir_.filePath("out.npy")});
        QCOMPARE(kind.status, 2);
        const auto points = cli({"sh", "--lmax", "2", "--points", dir_.filePath("wrong.npy"),
                                 "--out", dir_.filePath("out.npy")});
        QCOMPARE(points.status, 2);
        QVERIFY(points.err.contains("[N, 3]"));
        QVERIFY(!QFile::exists(dir_.filePath("out.npy")));
        const auto range = cli({"tp", "bench", "--lmax", "3..x"});
        QCOMPARE(range.status, 2);
        // Sizes that would need gigabytes are refused before anything is allocated.
        writeNpyFile(path("big.npy"), randomValues(33 * 33, 5), {1, 33 * 33}, true);
        const auto dense = cli({"tp", "--kind", "gaunt-dense", "--lmax1", "32", "--lmax2", "32",
                                "--lmax-out", "32", "--x", dir_.filePath("big.npy"), "--y",
                                dir_.filePath("big.npy"), "--out", dir_.filePath("out.npy")});
        QCOMPARE(dense.status, 2);
        QVERIFY2(dense.err.contains("gaunt-grid"), dense.err.constData());
        const auto cg = cli({"tp", "--kind", "cg", "--lmax1", "32", "--lmax2", "32", "--lmax-out",
                             "32", "--x", dir_.filePath("big.npy"), "--y", dir_.filePath("big.npy"),
                             "--out", dir_.filePath("out.npy")});
        QCOMPARE(cg.status, 2);
        QVERIFY2(cg.err.contains("Gaunt"), cg.err.constData());
        const auto huge =
            cli({"tp", "bench", "--lmax", "12", "--batch", "100000", "--channels", "4096"});
        QCOMPARE(huge.status, 2);
        QVERIFY(huge.err.contains("--batch"));
    }

    void benchReportsEveryKindPerDegree() {
        const auto r =
            cli({"tp", "bench", "--lmax", "1..3", "--channels", "4", "--repeats", "1", "--json"});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonObject o = r.json();
        QCOMPARE(o["device"].toString(), QString("cpu"));
        const QJsonArray rows = o["results"].toArray();
        QCOMPARE(rows.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(rows[i]["lmax"].toInt(), i + 1);
            for (const char* key :
                 {"gaunt_ms", "gaunt_grid_ms", "gaunt_dense_ms", "cg_ms", "cg_over_gaunt"})
                QVERIFY(rows[i][key].toDouble() > 0);
        }
        QVERIFY(o.contains("crossover_lmax"));
    }
};

QTEST_APPLESS_MAIN(TestCliTp)
#include "test_cli_tp.moc"
