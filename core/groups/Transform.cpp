#include "groups/Transform.h"

#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/Math.h"
#include "util/Text.h"

#include <Eigen/Geometry>
#include <cmath>
#include <sstream>

namespace equiscope {

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::stringstream s(text);
    std::string item;
    while (std::getline(s, item, sep)) out.push_back(item);
    return out;
}

std::string withoutFactor(const std::string& name) {
    const auto space = name.find(' ');
    return space == std::string::npos ? name : name.substr(space + 1);
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

std::vector<double> defaults(const Group& g) {
    std::vector<double> out;
    for (const auto& p : g.parameters()) out.push_back(p.defaultValue);
    return out;
}

} // namespace

Transform Transform::identity(const std::string& group) {
    return {group, defaults(*makeGroup(group))};
}

Transform Transform::parse(const std::string& text) {
    const auto colon = text.find(':');
    Transform t = identity(trim(text.substr(0, colon)));
    if (colon == std::string::npos) return t;
    const auto group = makeGroup(t.group);
    const auto specs = group->parameters();
    std::vector<bool> set(specs.size(), false);
    for (const std::string& part : split(text.substr(colon + 1), ';')) {
        if (trim(part).empty()) continue;
        const auto eq = part.find('=');
        if (eq == std::string::npos)
            throw Error("transform '" + text + "': expected key=value, got '" + part + "'");
        const std::string key = trim(part.substr(0, eq));
        std::vector<double> values;
        for (const std::string& v : split(part.substr(eq + 1), ',')) {
            double x = 0;
            if (!parseDouble(trim(v), x))
                throw Error("transform '" + text + "': '" + v + "' is not a number");
            values.push_back(x);
        }
        std::size_t used = 0;
        for (std::size_t i = 0; i < specs.size() && used < values.size(); ++i) {
            if (set[i] ||
                !(startsWith(specs[i].name, key) || startsWith(withoutFactor(specs[i].name), key)))
                continue;
            t.values[i] = values[used++];
            set[i] = true;
        }
        if (used == 0) {
            std::string names;
            for (const auto& s : specs) names += (names.empty() ? "" : ", ") + s.name;
            throw Error("transform '" + text + "': group " + t.group + " has no parameter '" + key +
                        "' (parameters: " + names + ")");
        }
        if (used < values.size())
            throw Error("transform '" + text + "': too many values for '" + key + "'");
    }
    return t;
}

GroupElement Transform::element(const SampleContext& context) const {
    return makeGroup(group)->fromParameters(values, context);
}

std::string Transform::toString() const {
    const auto specs = makeGroup(group)->parameters();
    std::ostringstream s;
    s << group << ":";
    for (std::size_t i = 0; i < specs.size(); ++i)
        s << (i ? ";" : "") << specs[i].name << "=" << values[i];
    return s.str();
}

GroupElement composeStack(const std::vector<Transform>& stack, const SampleContext& context) {
    GroupElement g;
    for (const Transform& t : stack) g = t.element(context).compose(g);
    return g;
}

std::vector<double> parametersOf(const Group& group, const GroupElement& e) {
    const auto specs = group.parameters();
    std::vector<double> out = defaults(group);
    const double det = e.linear.determinant();
    const bool inverted = det < 0;
    const Eigen::Matrix3d proper = inverted ? Eigen::Matrix3d(-e.linear) : e.linear;
    const double scale = std::cbrt(std::abs(det));
    Eigen::Matrix3d rotation = proper / (scale > 0 ? scale : 1.0);
    const Eigen::AngleAxisd aa(rotation);
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const std::string n = withoutFactor(specs[i].name);
        if (n == "axis x")
            out[i] = aa.axis().x();
        else if (n == "axis y")
            out[i] = aa.axis().y();
        else if (n == "axis z")
            out[i] = aa.axis().z();
        else if (n == "angle")
            out[i] = aa.angle() / kRadiansPerDegree;
        else if (n == "invert (x -> -x)")
            out[i] = inverted ? 1 : 0;
        else if (n == "tx")
            out[i] = e.translation.x();
        else if (n == "ty")
            out[i] = e.translation.y();
        else if (n == "tz")
            out[i] = e.translation.z();
        else if (n == "scale")
            out[i] = scale;
    }
    // SO2 about an axis: the signed angle about that axis.
    if (specs.size() >= 1 && withoutFactor(specs[0].name) == "angle" &&
        group.generators().size() == 1) {
        const Eigen::Matrix3d x = group.generators().front().linear;
        const Eigen::Vector3d axis(x(2, 1), x(0, 2), x(1, 0));
        out[0] = aa.angle() * (aa.axis().dot(axis) < 0 ? -1.0 : 1.0) / kRadiansPerDegree;
    }
    return out;
}

} // namespace equiscope
