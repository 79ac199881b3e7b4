#pragma once
// A session file (JSON): data, model with options and device, the transform stack and the
// current transform, view settings and camera. Written through a temporary file that is
// renamed into place.

#include "groups/Transform.h"
#include "models/Model.h"

#include <QString>
#include <array>
#include <vector>

namespace equiscope::gui {

struct SessionState {
    QString data = QStringLiteral("demo");
    QString model; // empty: none
    ModelOptions options;
    QString device = QStringLiteral("cpu");
    QString features; // comma-separated; empty: the spec's default rule
    std::vector<Transform> stack;
    Transform current = Transform::identity("SO3");
    QString colorBy, colormap = QStringLiteral("viridis");
    double pointSize = 0; // pixels; 0: as the data's size suggests
    bool logScale = false, twoPaths = true;
    bool hasCamera = false;
    std::array<double, 3> cameraPosition{}, cameraFocalPoint{}, cameraViewUp{};

    bool operator==(const SessionState& o) const;
};

QByteArray sessionToJson(const SessionState& state);
SessionState sessionFromJson(const QByteArray& json,
                             const QString& where);               // throws Error naming `where`
void saveSession(const QString& path, const SessionState& state); // throws Error
SessionState loadSession(const QString& path);                    // throws Error

} // namespace equiscope::gui
