#include "Session.h"

#include "util/Error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace equiscope::gui {

namespace {

constexpr int kVersion = 1;

QJsonArray vec3(const std::array<double, 3>& v) {
    return {v[0], v[1], v[2]};
}

std::array<double, 3> vec3(const QJsonValue& v, const QString& key, const QString& where) {
    const QJsonArray a = v.toArray();
    if (a.size() != 3)
        throw Error(where.toStdString() + ": '" + key.toStdString() + "' must be three numbers");
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble()};
}

QJsonObject transformJson(const Transform& t) {
    QJsonArray values;
    for (double v : t.values) values.append(v);
    return {{"group", QString::fromStdString(t.group)}, {"values", values}};
}

Transform transformFrom(const QJsonValue& v, const QString& where) {
    const QJsonObject o = v.toObject();
    Transform t = Transform::identity(o["group"].toString().toStdString()); // validates the group
    const QJsonArray values = o["values"].toArray();
    if (values.size() != static_cast<qsizetype>(t.values.size()))
        throw Error(where.toStdString() + ": transform of group " + t.group + " needs " +
                    std::to_string(t.values.size()) + " values");
    for (qsizetype i = 0; i < values.size(); ++i)
        t.values[static_cast<std::size_t>(i)] = values[i].toDouble();
    return t;
}

} // namespace

bool SessionState::operator==(const SessionState& o) const {
    auto same = [](const std::vector<Transform>& a, const std::vector<Transform>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].group != b[i].group || a[i].values != b[i].values) return false;
        return true;
    };
    return data == o.data && model == o.model && options == o.options && device == o.device &&
           features == o.features && same(stack, o.stack) && current.group == o.current.group &&
           current.values == o.current.values && colorBy == o.colorBy && colormap == o.colormap &&
           pointSize == o.pointSize && logScale == o.logScale && twoPaths == o.twoPaths &&
           hasCamera == o.hasCamera && cameraPosition == o.cameraPosition &&
           cameraFocalPoint == o.cameraFocalPoint && cameraViewUp == o.cameraViewUp;
}

QByteArray sessionToJson(const SessionState& s) {
    QJsonObject options;
    for (const auto& [k, v] : s.options)
        options[QString::fromStdString(k)] = QString::fromStdString(v);
    QJsonArray stack;
    for (const Transform& t : s.stack) stack.append(transformJson(t));
    QJsonObject o{
        {"equiscope_session", kVersion},
        {"data", s.data},
        {"model", QJsonObject{{"name", s.model},
                              {"options", options},
                              {"device", s.device},
                              {"features", s.features}}},
        {"transform", QJsonObject{{"stack", stack}, {"current", transformJson(s.current)}}},
        {"view", QJsonObject{{"color_by", s.colorBy},
                             {"colormap", s.colormap},
                             {"point_size", s.pointSize},
                             {"log_scale", s.logScale},
                             {"two_paths", s.twoPaths}}}};
    if (s.hasCamera)
        o["camera"] = QJsonObject{{"position", vec3(s.cameraPosition)},
                                  {"focal_point", vec3(s.cameraFocalPoint)},
                                  {"view_up", vec3(s.cameraViewUp)}};
    return QJsonDocument(o).toJson();
}

SessionState sessionFromJson(const QByteArray& json, const QString& where) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw Error(where.toStdString() + ": byte " + std::to_string(error.offset) +
                    ": not valid JSON (" + error.errorString().toStdString() + ")");
    const QJsonObject o = doc.object();
    if (o["equiscope_session"].toInt() != kVersion)
        throw Error(where.toStdString() + ": not an EquiScope session (version 1)");
    SessionState s;
    s.data = o["data"].toString();
    const QJsonObject model = o["model"].toObject();
    s.model = model["name"].toString();
    const QJsonObject options = model["options"].toObject();
    for (auto it = options.begin(); it != options.end(); ++it)
        s.options[it.key().toStdString()] = it.value().toString().toStdString();
    s.device = model["device"].toString("cpu");
    s.features = model["features"].toString();
    const QJsonObject transform = o["transform"].toObject();
    for (const auto& t : transform["stack"].toArray()) s.stack.push_back(transformFrom(t, where));
    s.current = transformFrom(transform["current"], where);
    const QJsonObject view = o["view"].toObject();
    s.colorBy = view["color_by"].toString();
    s.colormap = view["colormap"].toString("viridis");
    s.pointSize = view["point_size"].toDouble(0);
    s.logScale = view["log_scale"].toBool();
    s.twoPaths = view["two_paths"].toBool(true);
    if (o.contains("camera")) {
        const QJsonObject c = o["camera"].toObject();
        s.hasCamera = true;
        s.cameraPosition = vec3(c["position"], "position", where);
        s.cameraFocalPoint = vec3(c["focal_point"], "focal_point", where);
        s.cameraViewUp = vec3(c["view_up"], "view_up", where);
    }
    return s;
}

void saveSession(const QString& path, const SessionState& state) {
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        throw Error(path.toStdString() + ": cannot write: " + out.errorString().toStdString());
    out.write(sessionToJson(state));
    if (!out.commit())
        throw Error(path.toStdString() + ": cannot write: " + out.errorString().toStdString());
}

SessionState loadSession(const QString& path) {
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(path.toStdString() + ": cannot open: " + in.errorString().toStdString());
    return sessionFromJson(in.readAll(), path);
}

} // namespace equiscope::gui
