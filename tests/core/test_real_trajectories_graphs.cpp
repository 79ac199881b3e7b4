// The trajectory and graph readers on the real files in ../shared/data/real: counts,
// bounds, species and labels against a second, naive parse written here; BVH bones keep
// their length in every frame; GraphML's odd corners (defaults, padded and odd-cased
// booleans, a key on the wrong element, graph-tool's hex-float vectors, yFiles' untyped
// keys).

#include "TestSupport.h"
#include "data/Summary.h"
#include "io/FormatRegistry.h"
#include "io/LoadDataset.h"
#include "io/Writers.h"
#include "scene/DisplaySample.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <cmath>
#include <map>
#include <set>

using namespace equiscope;

namespace {

QString real(const QString& relative) {
    return QStringLiteral(EQUISCOPE_REAL_DATA "/") + relative;
}

QStringList lines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot open %s", qPrintable(path));
    return QString::fromUtf8(f.readAll()).split('\n');
}

QStringList words(const QString& line) {
    return line.split(QRegularExpression("[\\s,]+"), Qt::SkipEmptyParts);
}

// The naive extended-XYZ parse: frames, atoms, positions, species of frame 0, energies.
struct NaiveXyz {
    int frames = 0, atoms = 0;
    std::vector<double> xyz;
    std::map<QString, int> species;
    std::vector<double> energies;
};

NaiveXyz naiveXyz(const QString& path) {
    NaiveXyz n;
    const QStringList all = lines(path);
    int i = 0;
    while (i < all.size()) {
        if (all[i].trimmed().isEmpty()) {
            ++i;
            continue;
        }
        const int count = all[i].trimmed().toInt();
        const QString comment = all[i + 1];
        const auto m = QRegularExpression("(?:^|\\s)energy=([-0-9.eE+]+)").match(comment);
        if (m.hasMatch()) n.energies.push_back(m.captured(1).toDouble());
        for (int a = 0; a < count; ++a) {
            const QStringList w = words(all[i + 2 + a]);
            for (int k = 1; k <= 3; ++k) n.xyz.push_back(w[k].toDouble());
            if (n.frames == 0) ++n.species[w[0]];
        }
        n.atoms = count;
        ++n.frames;
        i += 2 + count;
    }
    return n;
}

double distance(const Field& pos, int64_t frame, int64_t a, int64_t b) {
    const int64_t n = pos.shape[1];
    double d2 = 0;
    for (int k = 0; k < 3; ++k) {
        const double d = pos.values[static_cast<std::size_t>((frame * n + a) * 3 + k)] -
                         pos.values[static_cast<std::size_t>((frame * n + b) * 3 + k)];
        d2 += d * d;
    }
    return std::sqrt(d2);
}

const Field* edgeField(const Sample& s, const std::string& name) {
    for (const Field& f : s.edgeFields)
        if (f.name == name) return &f;
    return nullptr;
}

} // namespace

class TestRealTrajectoriesGraphs : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void extendedXyz_data() {
        QTest::addColumn<QString>("file");
        for (const char* f : {"3bpa_train_300K.xyz", "3bpa_iso_atoms.xyz", "ethanol_test_MD.xyz",
                              "mace_GeSbTe_validate_pbc.xyz", "nequip_aspirin_md17_subset.xyz",
                              "schnetpack_ethanol_md17_snip_plain.xyz"})
            QTest::newRow(f) << real(QStringLiteral("trajectories/") + f);
    }

    void extendedXyz() {
        QFETCH(QString, file);
        const NaiveXyz naive = naiveXyz(file);
        const Dataset d = loadDataset(file.toStdString());
        QCOMPARE(QString::fromStdString(d.format), QString("extXYZ"));
        QCOMPARE(d.samples.size(), std::size_t(1)); // every file keeps its atom count
        const Sample& s = d.samples.front();
        const DatasetSummary sum = summarize(d);
        QCOMPARE(sum.frames, int64_t(naive.frames));
        QCOMPARE(sum.nodesPerFrame, int64_t(naive.atoms));
        QCOMPARE(s.kind, naive.frames > 1 ? SampleKind::Trajectory : SampleKind::Points);
        // Positions, every frame, against the naive parse.
        const Field& pos = s.positions();
        QCOMPARE(pos.values.size(), naive.xyz.size());
        for (std::size_t i = 0; i < naive.xyz.size(); ++i)
            QVERIFY(equiscope::test::close(pos.values[i], naive.xyz[i], 1e-12));
        std::array<double, 3> lo{INFINITY, INFINITY, INFINITY}, hi{-INFINITY, -INFINITY, -INFINITY},
            sum3{};
        for (std::size_t i = 0; i < naive.xyz.size(); ++i) {
            lo[i % 3] = std::min(lo[i % 3], naive.xyz[i]);
            hi[i % 3] = std::max(hi[i % 3], naive.xyz[i]);
            sum3[i % 3] += naive.xyz[i];
        }
        for (int k = 0; k < 3; ++k) {
            QVERIFY(equiscope::test::close(sum.bboxMin[k], lo[k], 1e-12));
            QVERIFY(equiscope::test::close(sum.bboxMax[k], hi[k], 1e-12));
            QVERIFY(std::abs(sum.centroid[k] - sum3[k] / (naive.xyz.size() / 3)) <
                    1e-9 * (1 + std::abs(sum.centroid[k])));
        }
        std::map<QString, int> species;
        for (const auto& [name, count] : sum.species)
            species[QString::fromStdString(name)] = static_cast<int>(count);
        QCOMPARE(species, naive.species);
        // Per-frame energies, where the comment has them.
        if (!naive.energies.empty()) {
            const Field* energy = nullptr;
            for (const Field& f : s.frameFields)
                if (f.name == "energy") energy = &f;
            QVERIFY(energy);
            QCOMPARE(energy->values.size(), naive.energies.size());
            for (std::size_t i = 0; i < naive.energies.size(); ++i)
                QVERIFY(equiscope::test::close(energy->values[i], naive.energies[i], 1e-12));
        }
    }

    void extendedXyzTypesForcesAndInfo() {
        const Dataset d =
            loadDataset(real("trajectories/mace_GeSbTe_validate_pbc.xyz").toStdString());
        const Sample& s = d.samples.front();
        QCOMPARE(s.find("forces")->type, FieldType::Vector);
        QCOMPARE(s.find("forces")->shape, (std::vector<int64_t>{200, 81, 3}));
        QCOMPARE(s.find("species")->type, FieldType::Categorical);
        std::map<std::string, std::vector<int64_t>> frame;
        for (const Field& f : s.frameFields) frame[f.name] = f.shape;
        QCOMPARE(frame["Lattice"], (std::vector<int64_t>{200, 9}));
        QCOMPARE(frame["stress"], (std::vector<int64_t>{200, 9}));
        QCOMPARE(frame["pbc"], (std::vector<int64_t>{200, 3}));
        QCOMPARE(frame["free_energy"], (std::vector<int64_t>{200, 1}));
        // Quoted strings stay text: 3BPA's dihedrals are JSON.
        const Dataset bpa = loadDataset(real("trajectories/3bpa_train_300K.xyz").toStdString());
        QVERIFY(bpa.samples.front().metadata.at("dihedrals").rfind("_JSON [", 0) == 0);
        // MD17's plain style: a lone number on the comment line, extra columns kept.
        const Dataset plain =
            loadDataset(real("trajectories/schnetpack_ethanol_md17_snip_plain.xyz").toStdString());
        QVERIFY(plain.samples.front().find("col5"));
        QCOMPARE(plain.samples.front().frameFields.front().name, std::string("comment_value"));
    }

    // Written back as extended XYZ and read again: every field, frame field and string info
    // unchanged (values to the last bit).
    void extendedXyzRoundTrip() {
        QTemporaryDir dir;
        for (const char* name : {"mace_GeSbTe_validate_pbc.xyz", "3bpa_train_300K.xyz"}) {
            const Dataset a =
                loadDataset(real(QStringLiteral("trajectories/") + name).toStdString());
            const std::string out = dir.filePath(name).toStdString();
            writeSample(out, a.samples.front());
            const Dataset b = loadDataset(out);
            const Sample &x = a.samples.front(), &y = b.samples.front();
            QCOMPARE(y.fields.size(), x.fields.size());
            for (std::size_t i = 0; i < x.fields.size(); ++i) {
                QCOMPARE(y.fields[i].name, x.fields[i].name);
                QCOMPARE(y.fields[i].type, x.fields[i].type);
                QCOMPARE(y.fields[i].shape, x.fields[i].shape);
                QCOMPARE(y.fields[i].values, x.fields[i].values);
                QCOMPARE(y.fields[i].categories, x.fields[i].categories);
            }
            QCOMPARE(y.frameFields.size(), x.frameFields.size());
            for (std::size_t i = 0; i < x.frameFields.size(); ++i) {
                QCOMPARE(y.frameFields[i].name, x.frameFields[i].name);
                QCOMPARE(y.frameFields[i].values, x.frameFields[i].values);
            }
            for (const auto& [key, value] : x.metadata)
                if (key.find(' ') == std::string::npos) QCOMPARE(y.metadata.at(key), value);
        }
    }

    void bvh_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("cmu") << real("trajectories/cmu_mocap_01_01.bvh");
        QTest::newRow("mocapbank") << real("trajectories/mocapbank_test.bvh");
    }

    void bvh() {
        QFETCH(QString, file);
        // Naive: joints, end sites, channels, frames, motion lines.
        const QStringList all = lines(file);
        int joints = 0, ends = 0, channels = 0, frames = -1, motionLines = 0;
        bool motion = false;
        std::vector<double> firstFrame;
        for (const QString& line : all) {
            const QStringList w = words(line);
            if (w.isEmpty()) continue;
            if (motion) {
                if (w[0] == "Frames:")
                    frames = w[1].toInt();
                else if (w[0] == "Frame")
                    continue;
                else {
                    QCOMPARE(w.size(), channels);
                    if (motionLines++ == 0)
                        for (const QString& v : w) firstFrame.push_back(v.toDouble());
                }
                continue;
            }
            if (w[0] == "ROOT" || w[0] == "JOINT") ++joints;
            if (w[0] == "End") ++ends;
            if (w[0] == "CHANNELS") channels += w[1].toInt();
            if (w[0] == "MOTION") motion = true;
        }
        QCOMPARE(motionLines, frames);
        const Dataset d = loadDataset(file.toStdString());
        const Sample& s = d.samples.front();
        const Field& pos = s.positions();
        QCOMPARE(pos.shape, (std::vector<int64_t>{frames, joints + ends, 3}));
        QCOMPARE(s.edgeCount(), int64_t(joints + ends - 1)); // a tree
        QCOMPARE(s.frameFields.front().shape, (std::vector<int64_t>{frames, channels}));
        QCOMPARE(summarize(d).frames, int64_t(frames));
        // The root moves by its position channels (both files list X/Y/Z position first).
        for (int k = 0; k < 3; ++k)
            QVERIFY(std::abs(pos.values[static_cast<std::size_t>(k)] -
                             firstFrame[static_cast<std::size_t>(k)]) < 1e-9);
        // Forward kinematics keeps every bone's length in every frame.
        const int64_t e = s.edgeCount();
        double worst = 0;
        for (int64_t b = 0; b < e; ++b) {
            const int64_t from = s.edgeIndex[static_cast<std::size_t>(b)],
                          to = s.edgeIndex[static_cast<std::size_t>(e + b)];
            const double length = distance(pos, 0, from, to);
            for (int64_t f = 1; f < frames; f += 7)
                worst = std::max(worst, std::abs(distance(pos, f, from, to) - length) /
                                            std::max(length, 1e-9));
        }
        QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
        // Body segments: a handful of limbs, every node in one.
        std::set<int64_t> segments(s.parts.begin(), s.parts.end());
        QVERIFY(segments.size() >= 5 && segments.size() < static_cast<std::size_t>(joints));
        QCOMPARE(s.parts.size(), static_cast<std::size_t>(joints + ends));
    }

    // NRI springs: [S, T, D=2, N] positions with velocities and interaction graphs beside.
    void nriArrays() {
        const QString file = real("trajectories/nri_springs5_valid_loc.npy");
        const Dataset d = loadDataset(file.toStdString());
        QCOMPARE(d.samples.size(), std::size_t(100));
        const Sample& s = d.samples[3];
        QCOMPARE(s.positions().shape, (std::vector<int64_t>{49, 5, 3}));
        QVERIFY(s.find("velocity"));
        // Naive read of the raw float64 array (C order, header then data).
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const int header =
            10 + static_cast<unsigned char>(bytes[8]) + 256 * static_cast<unsigned char>(bytes[9]);
        auto loc = [&](int sim, int t, int dim, int n) {
            double v;
            std::memcpy(&v, bytes.constData() + header + 8 * (((sim * 49 + t) * 2 + dim) * 5 + n),
                        8);
            return v;
        };
        for (int t : {0, 17, 48})
            for (int n = 0; n < 5; ++n) {
                const double* p = &s.positions().values[static_cast<std::size_t>((t * 5 + n) * 3)];
                QCOMPARE(p[0], loc(3, t, 0, n));
                QCOMPARE(p[1], loc(3, t, 1, n));
                QCOMPARE(p[2], 0.0); // lifted
            }
        QVERIFY(s.edgeCount() > 0 && s.edgeCount() <= 10);
    }

    // The interaction graphs alone ([S,N,N] of 0/1) are refused, naming the shape and
    // pointing at the positions file; read beside it they are its edges (nriArrays).
    void nriEdgesAloneRefused() {
        const QString file = real("trajectories/nri_springs5_valid_edges.npy");
        QString message;
        try {
            loadDataset(file.toStdString());
        } catch (const Error& e) {
            message = QString::fromUtf8(e.what());
        }
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(message.contains("interaction graphs [S,N,N] = (100, 5, 5) of 0/1"),
                 qPrintable(message));
        QVERIFY2(message.contains("'loc'"), qPrintable(message));
    }

    void mutag() {
        const QString dir = real("graphs/MUTAG");
        const Dataset d = loadDataset(dir.toStdString());
        const Dataset viaFile = loadDataset((dir + "/MUTAG_A.txt").toStdString());
        QCOMPARE(viaFile.samples.size(), d.samples.size());
        // Naive counts.
        const QStringList indicator =
            lines(dir + "/MUTAG_graph_indicator.txt").filter(QRegularExpression("\\S"));
        const QStringList graphLabels =
            lines(dir + "/MUTAG_graph_labels.txt").filter(QRegularExpression("\\S"));
        const QStringList adjacency = lines(dir + "/MUTAG_A.txt").filter(QRegularExpression("\\S"));
        std::set<std::pair<int, int>> pairs;
        for (const QString& l : adjacency) {
            const QStringList w = words(l);
            pairs.insert(
                {std::min(w[0].toInt(), w[1].toInt()), std::max(w[0].toInt(), w[1].toInt())});
        }
        std::map<std::string, int64_t> labels;
        for (const QString& l : graphLabels) ++labels[l.trimmed().toStdString()];
        std::map<std::string, int64_t> nodeLabels;
        for (const QString& l :
             lines(dir + "/MUTAG_node_labels.txt").filter(QRegularExpression("\\S")))
            ++nodeLabels[l.trimmed().toStdString()];
        const DatasetSummary s = summarize(d);
        QCOMPARE(s.kind, SampleKind::Graph);
        QCOMPARE(s.graphs, int64_t(graphLabels.size()));
        QCOMPARE(s.nodes, int64_t(indicator.size()));
        QCOMPARE(s.edges, int64_t(pairs.size()));
        QCOMPARE(s.labelCounts.at("graph_label"), labels);
        QCOMPARE(s.labelCounts.at("node_label"), nodeLabels);
        QVERIFY(s.labelCounts.count("edge_label"));
        QVERIFY(!s.hasBounds); // no coordinates
    }

    void edgeLists() {
        for (const char* name : {"hartford_drug.edgelist", "lanl_routes_weighted.edgelist"}) {
            const QString file = real(QStringLiteral("graphs/") + name);
            std::set<QString> nodes;
            std::set<std::pair<QString, QString>> pairs;
            for (const QString& l : lines(file)) {
                const QStringList w = words(l);
                if (w.isEmpty() || w[0].startsWith('#')) continue;
                nodes.insert(w[0]);
                nodes.insert(w[1]);
                pairs.insert({std::min(w[0], w[1]), std::max(w[0], w[1])});
            }
            const Dataset d = loadDataset(file.toStdString());
            const DatasetSummary s = summarize(d);
            QCOMPARE(s.nodes, int64_t(nodes.size()));
            QCOMPARE(s.edges, int64_t(pairs.size()));
            const Field* weight = edgeField(d.samples.front(), "weight");
            QCOMPARE(weight != nullptr, QByteArray(name).startsWith("lanl"));
        }
    }

    void graphml() {
        const Dataset igraph = loadDataset(real("graphs/igraph_test.graphml").toStdString());
        const Sample& g = igraph.samples.front();
        QCOMPARE(g.nodeCount(), int64_t(6));
        QCOMPARE(g.edgeCount(), int64_t(7));
        const Field* color = g.find("color");
        QVERIFY(color && color->type == FieldType::Categorical);
        QCOMPARE(color->categories[static_cast<std::size_t>(color->values[1])],
                 std::string("yellow")); // default
        QCOMPARE(color->categories[static_cast<std::size_t>(color->values[3])],
                 std::string("red \"with entities\""));
        const Field* gender = g.find("gender");
        QVERIFY(gender);
        QCOMPARE(gender->values, (std::vector<double>{1, 1, 0, 1, 0, 0})); // padded, default, fAlSe
        const Field* weight = edgeField(g, "weight");
        QVERIFY(weight);
        QCOMPARE(weight->values[2], 2.0);
        QVERIFY(std::isnan(weight->values[3])); // no value, no default
        QVERIFY(g.metadata.at("warnings").find("d3") != std::string::npos);
        QCOMPARE(g.metadata.at("date"), std::string("2006-11-12"));

        const Dataset karate = loadDataset(real("graphs/karate_graphtool.graphml").toStdString());
        const Sample& k = karate.samples.front();
        QCOMPARE(k.nodeCount(), int64_t(34));
        QCOMPARE(k.edgeCount(), int64_t(78));
        QVERIFY(std::abs(k.positions().values[0] - (-0x1.8613584cdaf0ep+6)) < 1e-12); // hex float
        QCOMPARE(k.positions().values[2], 0.0);

        const Dataset yfiles =
            loadDataset(real("graphs/yfiles_html_example.graphml").toStdString());
        QCOMPARE(yfiles.samples.front().nodeCount(), int64_t(4));
        QCOMPARE(yfiles.samples.front().edgeCount(), int64_t(4));
        QVERIFY(yfiles.samples.front().metadata.at("warnings").find("no attr.type") !=
                std::string::npos);
        QCOMPARE(yfiles.samples.front().metadata.at("directed"), std::string("true"));
    }

    // What the viewport draws: a frame cut out of a trajectory, and a layout for a graph
    // without coordinates in which bonded atoms sit closer than unbonded ones.
    void displaySamples() {
        const Dataset bvh = loadDataset(real("trajectories/mocapbank_test.bvh").toStdString());
        const Sample& t = bvh.samples.front();
        const Sample f = displaySample(t, 100);
        const int64_t n = t.nodeCount();
        QCOMPARE(f.positions().shape, (std::vector<int64_t>{n, 3}));
        for (int64_t i = 0; i < n * 3; ++i)
            QCOMPARE(f.positions().values[static_cast<std::size_t>(i)],
                     t.positions().values[static_cast<std::size_t>(100 * n * 3 + i)]);
        QCOMPARE(displaySample(t, 1 << 30).positions().values.back(), t.positions().values.back());
        QCOMPARE(f.edgeIndex, t.edgeIndex);
        // The frame's clock reading (what TimeShift moves): 100 x the file's Frame Time.
        double frameTime = 0;
        for (const QString& line : lines(real("trajectories/mocapbank_test.bvh")))
            if (line.trimmed().startsWith("Frame Time:")) frameTime = words(line).last().toDouble();
        const Field* clock = f.find(kTimeField);
        QVERIFY(frameTime > 0 && clock && clock->type == FieldType::Time);
        QCOMPARE(clock->rows(), n);
        QVERIFY(std::abs(clock->values.back() - 100 * frameTime) < 1e-12);

        const Dataset mutag = loadDataset(real("graphs/MUTAG").toStdString());
        const Sample& g = mutag.samples[5];
        const Sample laid = displaySample(g);
        QCOMPARE(laid.positions().rows(), g.nodeCount());
        QCOMPARE(displaySample(g).positions().values, laid.positions().values); // deterministic
        const int64_t e = g.edgeCount();
        std::set<std::pair<int64_t, int64_t>> bonded;
        double bond = 0, other = 0;
        for (int64_t a = 0; a < e; ++a) {
            const int64_t i = g.edgeIndex[static_cast<std::size_t>(a)],
                          j = g.edgeIndex[static_cast<std::size_t>(e + a)];
            bonded.insert({std::min(i, j), std::max(i, j)});
            bond += distance(laid.positions(), 0, i, j) / e;
        }
        int64_t pairs = 0;
        for (int64_t i = 0; i < g.nodeCount(); ++i)
            for (int64_t j = i + 1; j < g.nodeCount(); ++j)
                if (!bonded.count({i, j})) {
                    other += distance(laid.positions(), 0, i, j);
                    ++pairs;
                }
        QVERIFY2(bond < 0.5 * other / pairs,
                 qPrintable(QString("%1 vs %2").arg(bond).arg(other / pairs)));
    }
};

QTEST_GUILESS_MAIN(TestRealTrajectoriesGraphs)
#include "test_real_trajectories_graphs.moc"
