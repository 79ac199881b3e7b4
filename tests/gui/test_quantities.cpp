// The colour quantity registry (no GL needed): registration in order, replacement in
// place, a requested name shown once registered, the fallback when the shown one goes,
// owners removed together; the data's quantities ranked so that each kind opens on what
// it is about; Jmol colours for species.

#include "DataQuantities.h"
#include "QuantityRegistry.h"

#include <QSignalSpy>
#include <QtTest>

using namespace equiscope;
using views::ColorQuantity;
using views::QuantityRegistry;

namespace {

ColorQuantity scalar(const QString& name, const QString& owner, std::vector<double> values = {}) {
    ColorQuantity q;
    q.name = name;
    q.owner = owner;
    q.values = std::move(values);
    return q;
}

std::shared_ptr<const Sample> sampleWith(std::vector<Field> fields) {
    Sample s;
    for (Field& f : fields) s.setField(std::move(f));
    return std::make_shared<const Sample>(std::move(s));
}

} // namespace

class TestQuantities : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void registersInOrderAndReplacesInPlace() {
        QuantityRegistry r;
        QSignalSpy list(&r, &QuantityRegistry::listChanged);
        QSignalSpy display(&r, &QuantityRegistry::displayChanged);
        r.put(scalar("height", "data", {1, 2}));
        r.put(scalar("error", "model"));
        QCOMPARE(r.names(), QStringList({"height", "error"}));
        QCOMPARE(list.count(), 2);
        QCOMPARE(r.shown(), QString("height")); // the first registered is the default
        const int before = display.count();
        r.put(scalar("error", "model", {3, 4})); // an update of a quantity not shown
        QCOMPARE(list.count(), 2);
        QCOMPARE(display.count(), before);
        r.show("error");
        QCOMPARE(display.count(), before + 1);
        r.put(scalar("error", "model", {5, 6})); // the shown one's data changed
        QCOMPARE(display.count(), before + 2);
        QCOMPARE(r.current()->values, std::vector<double>({5, 6}));
    }

    void requestedNameIsShownOnceRegistered() {
        QuantityRegistry r;
        r.put(scalar("height", "data"));
        r.show("piecewise error"); // not there yet: nothing changes
        QCOMPARE(r.shown(), QString("height"));
        r.put(scalar("uncertainty", "parts"));
        QCOMPARE(r.shown(), QString("height"));
        r.put(scalar("piecewise error", "parts"));
        QCOMPARE(r.shown(), QString("piecewise error"));
    }

    void ownersGoTogetherAndTheDefaultReturns() {
        QuantityRegistry r;
        r.replaceOwned("data", {scalar("a", ""), scalar("b", "")});
        r.put(scalar("error", "model"));
        r.show("error");
        r.replaceOwned("data", {scalar("c", "")}); // a new frame's fields: the error stays
        QCOMPARE(r.shown(), QString("error"));
        QCOMPARE(r.find("c")->owner, QString("data"));
        QVERIFY(!r.find("a"));
        r.removeOwned("model");
        QCOMPARE(r.shown(), QString("c"));
        r.setColormap("plasma");
        QCOMPARE(r.current()->colormap, QString("plasma"));
    }

    void dataOpensOnWhatItIsAbout() {
        Field species = Field::perNode("species", FieldType::Categorical, 3, 1, {0, 1, 0});
        species.categories = {"H", "O"};
        const auto molecule = sampleWith({
            Field::perNode("pos", FieldType::Position, 3, 3, std::vector<double>(9, 0.5)),
            Field::perNode("time", FieldType::Scalar, 3, 1, {2, 2, 2}),
            Field::perNode("energy", FieldType::Scalar, 3, 1, {1, 2, 3}),
            std::move(species),
        });
        const auto q = views::dataQuantities(molecule);
        QCOMPARE(q.front().name, QString("species"));
        QCOMPARE(q.front().kind, ColorQuantity::Kind::Categorical);
        QCOMPARE(q.at(1).name, QString("energy")); // varies over the nodes
        QCOMPARE(q.back().name, QString("solid"));
        QCOMPARE(q.at(q.size() - 2).name, QString("time")); // a per-frame constant: last
        // Chemists' colours: H white, O red.
        QCOMPARE(q.front().palette.at(0), (std::array<double, 3>{1, 1, 1}));
        QVERIFY(q.front().palette.at(1)[0] > 0.9 && q.front().palette.at(1)[1] < 0.1);
        // Lengths and components are computed only when drawn.
        const auto pos = std::find_if(q.begin(), q.end(),
                                      [](const ColorQuantity& c) { return c.name == "|pos|"; });
        QVERIFY(pos != q.end() && pos->values.empty() && pos->lazyValues);
        QCOMPARE(pos->lazyValues().size(), std::size_t(3));
        QCOMPARE(pos->lazyValues()[0], std::sqrt(0.75));
    }

    void graphsAndSkeletonsOpenOnTheirLabels() {
        const auto graph = sampleWith({
            Field::perNode("pos", FieldType::Position, 2, 3, std::vector<double>(6, 1.0)),
            Field::perNode("degree", FieldType::Scalar, 2, 1, {1, 3}),
            Field::perNode("node_label", FieldType::Categorical, 2, 1, {0, 1}),
        });
        QCOMPARE(views::dataQuantities(graph).front().name, QString("node_label"));
        const auto skeleton = sampleWith({
            Field::perNode("pos", FieldType::Position, 2, 3, std::vector<double>(6, 1.0)),
            Field::perNode("joint", FieldType::Categorical, 2, 1, {0, 1}),
            Field::perNode("segment", FieldType::Categorical, 2, 1, {0, 0}),
        });
        QCOMPARE(views::dataQuantities(skeleton).front().name, QString("segment"));
        QCOMPARE(views::elementColor("C"),
                 (std::array<double, 3>{0x90 / 255.0, 0x90 / 255.0, 0x90 / 255.0}));
    }
};

QTEST_GUILESS_MAIN(TestQuantities)
#include "test_quantities.moc"
