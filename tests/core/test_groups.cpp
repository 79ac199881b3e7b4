// Groups: axioms, orthogonality and determinants, Haar statistics, the GL+/SL
// decomposition, parameters, generators, time shifts, and the parser.

#include "TestSupport.h"
#include "groups/Action.h"
#include "groups/Group.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>

using namespace equiscope;

namespace {

const SampleContext kContext{20, 1.5};

bool near(const GroupElement& a, const GroupElement& b, double tol = 1e-9) {
    return (a.linear - b.linear).norm() < tol && (a.translation - b.translation).norm() < tol &&
           std::abs(a.timeShift - b.timeShift) < tol &&
           (a.permutation == b.permutation || (a.permutation.empty() && b.permutation.empty()));
}

// Identity permutations compare equal to "no permutation".
GroupElement normalized(GroupElement g) {
    bool identity = true;
    for (std::size_t i = 0; i < g.permutation.size(); ++i)
        identity = identity && g.permutation[i] == static_cast<int64_t>(i);
    if (identity) g.permutation.clear();
    return g;
}

} // namespace

class TestGroups : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void axioms_data() {
        QTest::addColumn<QString>("name");
        for (const char* g :
             {"T3", "SO3", "O3", "SE3", "E3", "SO2", "SO2(x)", "O2(1,1,0)", "Scale", "GL3", "SL3",
              "Aff3", "Perm", "SE3*Perm", "SO3*Scale", "TimeShift", "E3*TimeShift"})
            QTest::newRow(g) << g;
    }
    void axioms() {
        QFETCH(QString, name);
        const auto group = makeGroup(name.toStdString());
        Rng rng(42);
        for (int trial = 0; trial < 20; ++trial) {
            const GroupElement a = group->sample(rng, kContext), b = group->sample(rng, kContext),
                               c = group->sample(rng, kContext);
            QVERIFY(near(normalized(a.compose(a.inverse())), GroupElement::identity()));
            QVERIFY(near(normalized(a.inverse().compose(a)), GroupElement::identity()));
            QVERIFY(near(a.compose(b).compose(c), a.compose(b.compose(c))));
            QVERIFY(near(a.compose(GroupElement::identity()), a));
            // Composition acts as "b first, then a" on points.
            const Eigen::Vector3d x(0.3, -1.2, 2.0);
            QVERIFY((a.compose(b).apply(x) - a.apply(b.apply(x))).norm() < 1e-9);
            QVERIFY(a.det() > 0 || name.contains("O3") || name.startsWith("O2") ||
                    name.startsWith("E3"));
        }
    }

    void orthogonalityAndDeterminants() {
        Rng rng(1);
        for (const char* g : {"SO3", "SO2", "SO2(x)"})
            for (int i = 0; i < 50; ++i) {
                const GroupElement e = makeGroup(g)->sample(rng, kContext);
                QVERIFY(e.isOrthogonal(1e-12));
                QVERIFY(std::abs(e.det() - 1) < 1e-12);
            }
        int reflections = 0;
        for (int i = 0; i < 400; ++i) {
            const GroupElement e = makeGroup("O3")->sample(rng, kContext);
            QVERIFY(e.isOrthogonal(1e-12));
            QVERIFY(std::abs(std::abs(e.det()) - 1) < 1e-12);
            reflections += e.det() < 0;
        }
        QVERIFY(reflections > 150 && reflections < 250); // half of O(3) is improper
        for (int i = 0; i < 50; ++i) {
            QVERIFY(std::abs(makeGroup("SL3")->sample(rng, kContext).det() - 1) < 1e-12);
            QVERIFY(makeGroup("GL3")->sample(rng, kContext).det() > 0);
        }
        // SO2 and O2 about an axis fix that axis.
        const GroupElement r = makeGroup("SO2(x)")->sample(rng, kContext);
        QVERIFY((r.linear * Eigen::Vector3d::UnitX() - Eigen::Vector3d::UnitX()).norm() < 1e-12);
        for (int i = 0; i < 20; ++i) {
            const GroupElement m = makeGroup("O2(z)")->sample(rng, kContext);
            QVERIFY((m.linear * Eigen::Vector3d::UnitZ() - Eigen::Vector3d::UnitZ()).norm() <
                    1e-12);
        }
    }

    // Haar measure on SO(3): E[tr R] = 0 and E[tr(R)^2] = 1 (trace = 1 + 2 cos(theta)).
    void haarStatistics() {
        Rng rng(2024);
        const int n = 40000;
        double trace = 0, trace2 = 0, firstColumnZ = 0;
        for (int i = 0; i < n; ++i) {
            const Eigen::Matrix3d r = haarRotation(rng);
            trace += r.trace();
            trace2 += r.trace() * r.trace();
            firstColumnZ += r(2, 0) * r(2, 0);
        }
        QVERIFY(std::abs(trace / n) < 0.03);
        QVERIFY(std::abs(trace2 / n - 1.0) < 0.03);
        QVERIFY(std::abs(firstColumnZ / n - 1.0 / 3) < 0.01); // R e_x is uniform on the sphere
    }

    // GL+(3) elements factor as g = P R (polar), P SPD, R a rotation; SL3 has det P = 1.
    void polarDecompositionRoundTrip() {
        Rng rng(5);
        for (const char* name : {"GL3", "SL3"})
            for (int i = 0; i < 50; ++i) {
                const Eigen::Matrix3d g = makeGroup(name)->sample(rng, kContext).linear;
                Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(g * g.transpose());
                const Eigen::Matrix3d p = eig.eigenvectors() *
                                          eig.eigenvalues().cwiseSqrt().asDiagonal() *
                                          eig.eigenvectors().transpose();
                const Eigen::Matrix3d r = p.inverse() * g;
                QVERIFY((r * r.transpose() - Eigen::Matrix3d::Identity()).norm() < 1e-9);
                QVERIFY(std::abs(r.determinant() - 1) < 1e-9);
                QVERIFY((p * r - g).norm() / g.norm() < 1e-9);
                if (QByteArray(name) == "SL3") QVERIFY(std::abs(p.determinant() - 1) < 1e-9);
            }
    }

    void parameters() {
        // SO3: 90 degrees about z maps x to y.
        const GroupElement q = makeGroup("SO3")->fromParameters({0, 0, 1, 90}, kContext);
        QVERIFY((q.apply(Eigen::Vector3d::UnitX()) - Eigen::Vector3d::UnitY()).norm() < 1e-12);
        // Products concatenate their factors' parameters: SE3 = SO3 (4) then T3 (3).
        const auto se3 = makeGroup("SE3");
        QCOMPARE(se3->parameters().size(), std::size_t(7));
        const GroupElement g = se3->fromParameters({0, 0, 1, 180, 1, 2, 3}, kContext);
        // x -> R (x + t): the origin goes to R t = (-1, -2, 3) for 180 degrees about z.
        QVERIFY((g.apply(Eigen::Vector3d::Zero()) - Eigen::Vector3d(-1, -2, 3)).norm() < 1e-9);
        QCOMPARE(makeGroup("Scale")->fromParameters({2.0}, kContext).det(), 8.0);
        QVERIFY(makeGroup("Scale")->parameters().front().logScale);
        QVERIFY(makeGroup("Perm")->fromParameters({0}, kContext).permutation.empty());
        QCOMPARE(makeGroup("Perm")->fromParameters({3}, kContext).permutation.size(),
                 std::size_t(20));
        // Identity parameters give the identity for every group.
        for (const char* name : {"SO3", "O3", "GL3", "SL3", "SO2", "T3", "Aff3"}) {
            const auto group = makeGroup(name);
            std::vector<double> defaults;
            for (const auto& p : group->parameters()) defaults.push_back(p.defaultValue);
            QVERIFY2(near(group->fromParameters(defaults, kContext), GroupElement::identity()),
                     name);
        }
    }

    // exp(s X) of every generator stays in its group; rotation generators are skew.
    void generators() {
        QCOMPARE(makeGroup("SO3")->generators().size(), std::size_t(3));
        QCOMPARE(makeGroup("SE3")->generators().size(), std::size_t(6));
        QCOMPARE(makeGroup("GL3")->generators().size(), std::size_t(9));
        QCOMPARE(makeGroup("SL3")->generators().size(), std::size_t(8));
        QCOMPARE(makeGroup("Aff3")->generators().size(), std::size_t(12));
        QVERIFY(makeGroup("Perm")->generators().empty());
        for (const auto& g : makeGroup("SO3")->generators()) {
            const GroupElement e = exponential(g.linear, g.translation, 0.7);
            QVERIFY(e.isOrthogonal(1e-12));
        }
        for (const auto& g : makeGroup("SL3")->generators())
            QVERIFY(std::abs(exponential(g.linear, g.translation, 0.4).det() - 1) < 1e-12);
        const GroupElement t = exponential(Eigen::Matrix3d::Zero(), Eigen::Vector3d(1, 2, 3), 2.0);
        QVERIFY((t.translation - Eigen::Vector3d(2, 4, 6)).norm() < 1e-12);
    }

    void translationsFollowTheDataScale() {
        Rng rng(9);
        double sum2 = 0;
        for (int i = 0; i < 4000; ++i)
            sum2 += makeGroup("T3")->sample(rng, {1, 3.0}).translation.squaredNorm();
        QVERIFY(std::abs(sum2 / 4000 / 3 - 9.0) < 0.5);
    }

    // TimeShift moves clock readings and nothing else; shifts add; draws cover the span.
    void timeShiftMovesOnlyClocks() {
        const auto group = makeGroup("TimeShift");
        QVERIFY(group->generators().empty());
        Sample s;
        s.kind = SampleKind::Trajectory;
        s.setField(Field::perNode(Sample::kPositions, FieldType::Position, 2, 3, {1, 2, 3, 4, 5, 6},
                                  Storage::Float64));
        s.setField(Field::perNode("time", FieldType::Time, 2, 1, {0.5, 0.5}, Storage::Float64));
        s.setField(Field::perNode("mass", FieldType::Scalar, 2, 1, {7, 8}, Storage::Float64));
        const GroupElement g = group->fromParameters({2.25}, kContext);
        const Sample moved = transformSample(s, g);
        QCOMPARE(moved.find("time")->values, (std::vector<double>{2.75, 2.75}));
        QCOMPARE(moved.positions().values, s.positions().values);
        QCOMPARE(moved.find("mass")->values, s.find("mass")->values);
        const GroupElement back =
            g.inverse().compose(makeGroup("TimeShift")->fromParameters({1}, kContext));
        QCOMPARE(back.timeShift, -1.25);
        // E3*TimeShift: the rotation part acts on positions, the shift on the clock.
        Rng rng(5);
        const GroupElement both = makeGroup("E3*TimeShift")->sample(rng, {2, 1.0, 40.0});
        QVERIFY(both.timeShift != 0 && both.isOrthogonal());
        double lo = 0, hi = 0;
        for (int i = 0; i < 2000; ++i) {
            const double t = group->sample(rng, {2, 1.0, 40.0}).timeShift;
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
        QVERIFY(lo >= -40 && lo < -35 && hi <= 40 && hi > 35);
    }

    void parserErrors() {
        QVERIFY_THROWS_EXCEPTION(Error, makeGroup("SO4"));
        QVERIFY_THROWS_EXCEPTION(Error, makeGroup(""));
        QVERIFY_THROWS_EXCEPTION(Error, makeGroup("SO2(w)"));
        QVERIFY_THROWS_EXCEPTION(Error, makeGroup("SO3(z)"));
        QVERIFY_THROWS_EXCEPTION(Error, makeGroup("SE3*Bogus"));
        try {
            makeGroup("SO4");
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("known: T3, SO3"));
        }
        QCOMPARE(QString::fromStdString(makeGroup("SO2x")->name()), QString("SO2(x)"));
        QCOMPARE(QString::fromStdString(makeGroup("SE3*Perm")->name()), QString("SE3*Perm"));
        QVERIFY(makeGroup("SE3*Perm")->permutesNodes());
    }
};

QTEST_GUILESS_MAIN(TestGroups)
#include "test_groups.moc"
