#pragma once
// Teaching presets on the Welcome page: data, model and transform chosen to show one idea.

#include "groups/Transform.h"
#include "models/Model.h"

#include <QString>
#include <vector>

namespace equiscope::gui {

struct Preset {
    QString title, explanation;
    QString data, model;
    ModelOptions options;
    Transform transform;
};

std::vector<Preset> presets();

} // namespace equiscope::gui
