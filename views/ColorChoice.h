#pragma once
// What a point cloud can be coloured by: a field's component, a vector's length, file
// colours as RGB, categorical labels, or one solid colour.

#include "data/Sample.h"

#include <QString>
#include <vector>

namespace equiscope::views {

struct ColorChoice {
    enum class Mode { Solid, Component, Magnitude, Rgb, Categorical };
    Mode mode = Mode::Solid;
    QString field;
    int component = 0;

    QString label() const; // "height", "normal.x", "|normal|", "color (RGB)", "solid"
    bool operator==(const ColorChoice& o) const {
        return mode == o.mode && field == o.field && component == o.component;
    }
};

// Every choice the sample offers, best default first (a scalar field, else solid).
std::vector<ColorChoice> colorChoices(const Sample& sample);

// Per-node values for a scalar choice (Component, Magnitude, Categorical).
std::vector<double> colorValues(const Sample& sample, const ColorChoice& choice);

} // namespace equiscope::views
