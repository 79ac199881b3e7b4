// Parsing group names: basic names, an axis for SO2/O2, and products with '*'.

#include "groups/BasicGroups.h"
#include "util/Error.h"
#include "util/Text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace equiscope {

namespace {

std::string knownNames() {
    std::string out;
    for (const auto& n : groupNames()) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// "x", "y", "z" or "a,b,c".
std::pair<Eigen::Vector3d, std::string> parseAxis(const std::string& text,
                                                  const std::string& spec) {
    if (text == "x") return {Eigen::Vector3d::UnitX(), "x"};
    if (text == "y") return {Eigen::Vector3d::UnitY(), "y"};
    if (text == "z") return {Eigen::Vector3d::UnitZ(), "z"};
    std::stringstream s(text);
    Eigen::Vector3d a;
    char comma1 = 0, comma2 = 0;
    if (!(s >> a.x() >> comma1 >> a.y() >> comma2 >> a.z()) || comma1 != ',' || comma2 != ',' ||
        a.norm() < 1e-12)
        throw Error("group '" + spec + "': expected an axis x, y, z or a,b,c; got '" + text + "'");
    return {a.normalized(), text};
}

std::unique_ptr<Group> makeBasic(const std::string& raw, const std::string& spec) {
    std::string name = trim(raw), argument;
    if (const auto open = name.find('('); open != std::string::npos) {
        if (name.back() != ')') throw Error("group '" + spec + "': missing ')' in '" + name + "'");
        argument = trim(name.substr(open + 1, name.size() - open - 2));
        name = trim(name.substr(0, open));
    } else if ((name.rfind("SO2", 0) == 0 || name.rfind("O2", 0) == 0) && name.size() > 2 &&
               (name.back() == 'x' || name.back() == 'y' || name.back() == 'z')) {
        argument = std::string(1, name.back()); // SO2z, O2x
        name.pop_back();
    }
    if (!argument.empty() && name != "SO2" && name != "O2")
        throw Error("group '" + spec + "': only SO2 and O2 take an axis");
    if (name == "T3") return std::make_unique<TranslationGroup>();
    if (name == "SO3") return std::make_unique<RotationGroup>(false);
    if (name == "O3") return std::make_unique<RotationGroup>(true);
    if (name == "SO2" || name == "O2") {
        const auto [axis, axisName] = parseAxis(argument.empty() ? "z" : argument, spec);
        return std::make_unique<AxialGroup>(axis, axisName, name == "O2");
    }
    if (name == "Scale") return std::make_unique<ScaleGroup>();
    if (name == "GL3") return std::make_unique<LinearGroup>(false);
    if (name == "SL3") return std::make_unique<LinearGroup>(true);
    if (name == "Perm") return std::make_unique<PermutationGroup>();
    if (name == "TimeShift") return std::make_unique<TimeShiftGroup>();
    if (name == "PiecewiseE3")
        throw Error("PiecewiseE3 moves every part by its own element, so it is checked on its own: "
                    "check --group PiecewiseE3 --parts gt|pred");
    // Named products.
    const std::map<std::string, std::string> aliases = {
        {"SE3", "SO3*T3"}, {"E3", "O3*T3"}, {"Aff3", "GL3*T3"}};
    if (const auto it = aliases.find(name); it != aliases.end()) {
        const auto star = it->second.find('*');
        std::vector<std::unique_ptr<Group>> factors;
        factors.push_back(makeBasic(it->second.substr(0, star), spec));
        factors.push_back(makeBasic(it->second.substr(star + 1), spec));
        return std::make_unique<ProductGroup>(name, std::move(factors));
    }
    throw Error("unknown group '" + name + "' in '" + spec + "' (known: " + knownNames() +
                ", and products A*B)");
}

} // namespace

std::vector<std::string> groupNames() {
    return {"T3",    "SO3", "O3",  "SE3",  "E3",   "SO2(x|y|z|a,b,c)", "O2(axis)",
            "Scale", "GL3", "SL3", "Aff3", "Perm", "TimeShift"};
}

std::vector<std::string> candidateGroups() {
    return {"T3", "SO2(z)", "SO3", "O3", "SE3", "E3", "Scale", "SO3*Scale", "SL3", "GL3", "Perm"};
}

std::unique_ptr<Group> makeGroup(const std::string& spec) {
    std::vector<std::string> parts;
    int depth = 0;
    std::string current;
    for (char c : spec) {
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == '*' && depth == 0) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    if (trim(spec).empty()) throw Error("empty group name (known: " + knownNames() + ")");
    if (parts.size() == 1) return makeBasic(parts[0], spec);
    std::vector<std::unique_ptr<Group>> factors;
    for (const auto& p : parts) factors.push_back(makeBasic(p, spec));
    return std::make_unique<ProductGroup>(trim(spec), std::move(factors));
}

} // namespace equiscope
