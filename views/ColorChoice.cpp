#include "ColorChoice.h"

#include <cmath>

namespace equiscope::views {

namespace {
const char* kAxis[] = {"x", "y", "z"};
}

QString ColorChoice::label() const {
    switch (mode) {
    case Mode::Solid:
        return QStringLiteral("solid");
    case Mode::Rgb:
        return field + QStringLiteral(" (RGB)");
    case Mode::Magnitude:
        return QStringLiteral("|%1|").arg(field);
    case Mode::Categorical:
        return field;
    case Mode::Component:
        break;
    }
    return component < 0
               ? field
               : QStringLiteral("%1.%2").arg(field, component < 3 ? kAxis[component]
                                                                  : QString::number(component));
}

std::vector<ColorChoice> colorChoices(const Sample& sample) {
    std::vector<ColorChoice> scalars, others;
    for (const Field& f : sample.fields) {
        if (f.shape.size() != 2) continue;
        const QString name = QString::fromStdString(f.name);
        const auto w = f.width();
        if (f.type == FieldType::Categorical && w == 1) {
            others.push_back({ColorChoice::Mode::Categorical, name, 0});
        } else if (w == 1) {
            scalars.push_back({ColorChoice::Mode::Component, name, -1});
        } else {
            if (f.name == "color" && (w == 3 || w == 4))
                others.push_back({ColorChoice::Mode::Rgb, name, 0});
            if (w == 3 && f.type != FieldType::Scalar)
                others.push_back({ColorChoice::Mode::Magnitude, name, 0});
            for (int k = 0; k < w && k < 16; ++k)
                others.push_back({ColorChoice::Mode::Component, name, k});
        }
    }
    std::vector<ColorChoice> all = scalars;
    all.insert(all.end(), others.begin(), others.end());
    all.push_back({ColorChoice::Mode::Solid, {}, 0});
    return all;
}

std::vector<double> colorValues(const Sample& sample, const ColorChoice& choice) {
    const Field* f = sample.find(choice.field.toStdString());
    if (!f) return {};
    const int64_t n = f->rows(), w = f->width();
    std::vector<double> out(static_cast<std::size_t>(n));
    for (int64_t r = 0; r < n; ++r) {
        if (choice.mode == ColorChoice::Mode::Magnitude) {
            double s = 0;
            for (int64_t k = 0; k < w; ++k) s += f->at(r, k) * f->at(r, k);
            out[r] = std::sqrt(s);
        } else {
            out[r] = f->at(r, std::max(0, choice.component));
        }
    }
    return out;
}

} // namespace equiscope::views
