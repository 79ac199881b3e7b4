// Log axes read as decades ("1e-7", "0.01", "1000"), not printf's "1e-07": the labels
// come from a category axis laid over the hidden log axis, at its ticks, and they follow
// the log axis when its range changes.

#include "ChartStyle.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QtTest>

using namespace equiscope;

namespace {

QCategoryAxis* visibleLabels(QChart* chart, Qt::Alignment side) {
    for (QAbstractAxis* a : chart->axes(Qt::Vertical | Qt::Horizontal))
        if (a->isVisible() && a->alignment() == side) return qobject_cast<QCategoryAxis*>(a);
    return nullptr;
}

} // namespace

class TestChartStyle : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void decadesAreWrittenShort() {
        QCOMPARE(views::decadeLabel(-7), QString("1e-7"));
        QCOMPARE(views::decadeLabel(-2), QString("0.01"));
        QCOMPARE(views::decadeLabel(0), QString("1"));
        QCOMPARE(views::decadeLabel(3), QString("1000"));
        QCOMPARE(views::decadeLabel(12), QString("1e12"));
    }

    void logAxisShowsDecadeLabelsThatFollowItsRange() {
        QChartView view;
        view.resize(500, 320);
        QChart* chart = views::freshChart(&view, "errors");
        auto* series = new QLineSeries;
        for (int i = 0; i < 9; ++i) series->append(i, std::pow(10.0, -9 + i));
        chart->addSeries(series);
        QLogValueAxis* y = views::logAxis("error (relative)", 1e-9, 1e-1);
        views::addAxis(chart, y, Qt::AlignLeft);
        series->attachAxis(y);
        QVERIFY(!y->isVisible());
        QCategoryAxis* labels = visibleLabels(chart, Qt::AlignLeft);
        QVERIFY(labels);
        QCOMPARE(labels->titleText(), QString("error (relative)"));
        // Eight decades: a tick every second one, as the log axis' base of 100 puts them.
        QCOMPARE(y->base(), 100.0);
        QCOMPARE(labels->categoriesLabels(), (QStringList{"1e-8", "1e-6", "1e-4", "0.01"}));
        QCOMPARE(labels->min(), -9.0);
        QCOMPARE(labels->max(), -1.0);
        y->setBase(10);
        y->setRange(1e-3, 10);
        QCOMPARE(labels->categoriesLabels(), (QStringList{"1e-3", "0.01", "0.1", "1", "10"}));
        QCOMPARE(labels->min(), -3.0);
        // Under two decades: 2 and 5 times each decade as well.
        y->setRange(3e-8, 1e-6);
        QCOMPARE(labels->categoriesLabels(), (QStringList{"5e-8", "1e-7", "2e-7", "5e-7", "1e-6"}));
        QCOMPARE(views::tickLabel(5, -2), QString("0.05"));
        QVERIFY(!view.grab().toImage().isNull());
    }

    void otherAxesAreAddedAsTheyAre() {
        QChartView view;
        QChart* chart = views::freshChart(&view, "linear");
        auto* x = new QValueAxis;
        views::addAxis(chart, x, Qt::AlignBottom);
        QCOMPARE(chart->axes().size(), 1);
        QVERIFY(x->isVisible());
    }
};

QTEST_MAIN(TestChartStyle)
#include "test_chart_style.moc"
