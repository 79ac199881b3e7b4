#pragma once
// Helpers shared by the test suites: temporary files and expected values.

#include "data/FieldType.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <string>

namespace QTest {
template <> inline char* toString(const equiscope::FieldType& t) {
    return qstrdup(equiscope::fieldTypeName(t).data());
}
template <> inline char* toString(const equiscope::Storage& s) {
    return qstrdup(QByteArray::number(static_cast<int>(s)).constData());
}
} // namespace QTest

namespace equiscope::test {

inline std::string writeTempFile(const QTemporaryDir& dir, const QString& name,
                                 const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path.toStdString();
}

inline QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

inline QString realPointClouds() {
    return QStringLiteral(EQUISCOPE_REAL_DATA "/pointclouds");
}

// Values computed once by tests/data/make_expected.py (an independent numpy parser).
inline QJsonObject expectedRealValues() {
    return QJsonDocument::fromJson(
               readAll(QStringLiteral(EQUISCOPE_TEST_DATA "/real_pointclouds_expected.json")))
        .object();
}

// One run of a command-line tool from the build's bin folder.
struct CliRun {
    int status = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliRun runTool(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(EQUISCOPE_BIN_DIR "/") + tool, args);
    if (!p.waitForFinished(120000)) qFatal("%s did not finish", qPrintable(tool));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// Relative closeness for values that went through float32 in one parser and float64 in
// the other.
inline bool close(double a, double b, double rel = 1e-9) {
    return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace equiscope::test
