// equiscope-cli train augment and train classify (issue 16 item 5): the JSON contracts,
// the files of --out (the trained model checks like any other), resuming, and bad input.
// The learned levels themselves: test_augment.

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using Run = equiscope::test::CliRun;

namespace {

Run cli(const QStringList& args) {
    return equiscope::test::runTool("equiscope-cli", args);
}

QStringList sortedKeys(const QJsonObject& o) {
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

const QStringList kDistortions{"affine_c2", "affine_c4", "affine_c8", "reflection", "rotation"};

} // namespace

class TestCliTrainShapes : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void augmentJsonAndFiles() {
        QTemporaryDir dir;
        const QStringList args{"train",       "augment",  "--task", "shapes",       "--families",
                               "rot,reflect", "--epochs", "2",      "--dual-start", "1",
                               "--points",    "64",       "--json", "--out",        dir.path()};
        const Run r = cli(args);
        QCOMPARE(r.status, 0);
        QCOMPARE(sortedKeys(r.json()),
                 QStringList({"acceptance", "epsilon", "levels", "model", "seed", "task",
                              "test_accuracy", "test_accuracy_distorted"}));
        QCOMPARE(sortedKeys(r.json()["levels"].toObject()), QStringList({"reflect", "rot"}));
        QCOMPARE(sortedKeys(r.json()["test_accuracy_distorted"].toObject()), kDistortions);
        const double acceptance = r.json()["acceptance"].toObject()["rot"].toDouble();
        QVERIFY(acceptance > 0 && acceptance <= 1);
        QVERIFY(r.json()["levels"].toObject()["reflect"].toDouble() >= 0);
        const QList<QByteArray> curves =
            equiscope::test::readAll(dir.filePath("curves.csv")).trimmed().split('\n');
        QCOMPARE(curves.size(), 3); // the header and two epochs
        QVERIFY(curves[0].startsWith("epoch,train_loss,clean_loss,validation_loss,"
                                     "validation_accuracy,gamma_rot,acceptance_rot,"
                                     "augmented_loss_rot,gamma_reflect"));
        const QList<QByteArray> histogram =
            equiscope::test::readAll(dir.filePath("histogram.csv")).trimmed().split('\n');
        QCOMPARE(histogram.size(), 1 + 2 * 2 * 12); // epochs x families x bins
        // The classifier checks like any model: rotation-invariant exactly, not mirror-
        // invariant (16 elements of O3 hold mirrors).
        const auto check = [&](const QString& group) {
            const Run run = cli({"check",
                                 "--model",
                                 "frame_averaging",
                                 "--model-option",
                                 "backbone=pointnet",
                                 "--model-option",
                                 "group=SO3",
                                 "--model-option",
                                 "neighbours=8",
                                 "--model-option",
                                 "hidden=128",
                                 "--model-option",
                                 "width=12",
                                 "--load",
                                 dir.filePath("model.pt"),
                                 "--data",
                                 "shapes:test",
                                 "--index",
                                 "8",
                                 "--group",
                                 group,
                                 "--samples",
                                 "16",
                                 "--json"});
            return run.status == 0 ? run.json()["results"][0]["mean_error"].toDouble() : -1.0;
        };
        const double rotation = check("SO3"), mirrors = check("O3");
        QVERIFY2(rotation >= 0 && rotation < 1e-5, qPrintable(QString::number(rotation)));
        QVERIFY2(mirrors > 1e-3, qPrintable(QString::number(mirrors)));
        // Resuming the finished run trains nothing more and reports the same levels.
        const Run again = cli(QStringList(args) << "--resume");
        QCOMPARE(again.status, 0);
        QCOMPARE(again.json()["levels"], r.json()["levels"]);
    }

    void classifyJsonForEachAugmentation() {
        for (const QString augment : {"none", "all"}) {
            const Run r = cli({"train", "classify", "--task", "shapes", "--model", "affine_fa",
                               "--augment", augment, "--epochs", "1", "--points", "64", "--json"});
            QCOMPARE(r.status, 0);
            QCOMPARE(sortedKeys(r.json()), QStringList({"augment", "model", "task", "test_accuracy",
                                                        "test_accuracy_distorted"}));
            QCOMPARE(r.json()["augment"].toString(), augment);
            QCOMPARE(sortedKeys(r.json()["test_accuracy_distorted"].toObject()), kDistortions);
        }
    }

    // PointNet's edge features keep it a function of the point set.
    void edgeFeaturesKeepPermutationInvariance() {
        const Run r =
            cli({"check", "--model", "pointnet", "--model-option", "neighbours=8", "--data",
                 "shapes:test", "--index", "9", "--group", "Perm", "--samples", "4", "--json"});
        QCOMPARE(r.status, 0);
        QVERIFY(r.json()["results"][0]["mean_error"].toDouble() < 1e-6);
        const Run mirrored =
            cli({"check", "--model", "pointnet", "--model-option", "neighbours=8", "--data",
                 "shapes:test", "--index", "9", "--group", "O3", "--samples", "4", "--json"});
        QVERIFY(mirrored.json()["results"][0]["mean_error"].toDouble() > 1e-3);
    }

    void badInputIsRefused() {
        QCOMPARE(cli({"train", "augment", "--task", "mnist"}).status, 2);
        QCOMPARE(cli({"train", "augment", "--families", "rot,shear"}).status, 2);
        QCOMPARE(cli({"train", "augment", "--model", "egnn"}).status, 2);
        QCOMPARE(cli({"train", "augment", "--augment", "all"}).status, 2);
        QCOMPARE(cli({"train", "classify", "--augment", "some"}).status, 2);
        const Run r = cli({"train", "classify", "--classes", "3,x"});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains("--classes"));
    }
};

QTEST_GUILESS_MAIN(TestCliTrainShapes)
#include "test_cli_train_shapes.moc"
