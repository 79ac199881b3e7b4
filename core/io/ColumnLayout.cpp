#include "io/ColumnLayout.h"

#include "util/Error.h"
#include "util/ReadBudget.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace equiscope {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

struct Group {
    const char* field;
    FieldType type;
    std::vector<std::vector<const char*>> spellings; // one list of names per component
    std::size_t optionalTail = 0;                    // trailing components that may be absent
};

// Known multi-column groups, in the order their fields are created.
const std::vector<Group>& knownGroups() {
    static const std::vector<Group> groups = {
        {"pos", FieldType::Position, {{"x"}, {"y"}, {"z"}}},
        {"normal",
         FieldType::Vector,
         {{"nx", "normal_x", "normalx"},
          {"ny", "normal_y", "normaly"},
          {"nz", "normal_z", "normalz"}}},
        {"color",
         FieldType::Scalar,
         {{"red", "r", "diffuse_red"},
          {"green", "g", "diffuse_green"},
          {"blue", "b", "diffuse_blue"},
          {"alpha", "a", "diffuse_alpha"}},
         1},
        {"velocity",
         FieldType::Vector,
         {{"vx", "velocity_x"}, {"vy", "velocity_y"}, {"vz", "velocity_z"}}},
        {"texcoord", FieldType::Scalar, {{"u", "s", "texture_u"}, {"v", "t", "texture_v"}}},
    };
    return groups;
}

std::optional<std::size_t> findColumn(const std::vector<std::string>& names,
                                      const std::vector<bool>& used,
                                      const std::vector<const char*>& spellings) {
    for (const char* spelling : spellings)
        for (std::size_t i = 0; i < names.size(); ++i)
            if (!used[i] && names[i] == spelling) return i;
    return std::nullopt;
}

Storage widest(Storage a, Storage b) {
    if (a == Storage::Float64 || b == Storage::Float64) return Storage::Float64;
    if (a == Storage::Float32 || b == Storage::Float32) return Storage::Float32;
    return Storage::Integer;
}

// "name_<k>" -> ("name", k)
std::optional<std::pair<std::string, int>> indexedName(const std::string& name) {
    const auto underscore = name.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 == name.size())
        return std::nullopt;
    int k = 0;
    for (std::size_t i = underscore + 1; i < name.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
        k = k * 10 + (name[i] - '0');
        if (k > 1 << 20) return std::nullopt;
    }
    return std::make_pair(name.substr(0, underscore), k);
}

} // namespace

ColumnLayout layoutColumns(const std::vector<Column>& columns, int64_t rows,
                           const std::string& path,
                           const std::map<std::string, FieldType>& typeHints) {
    ReadBudget::charge(path, static_cast<uint64_t>(std::max<int64_t>(rows, 0)),
                       columns.size() * sizeof(double), std::to_string(rows) + " points");
    std::vector<std::string> names;
    for (const Column& c : columns) names.push_back(lower(c.name));
    std::vector<bool> used(columns.size(), false);
    ColumnLayout layout;
    layout.targets.assign(columns.size(), ColumnTarget{});

    auto addField = [&](const std::string& name, FieldType type,
                        const std::vector<std::size_t>& cols) {
        std::string unique = name;
        for (int k = 2; std::any_of(layout.fields.begin(), layout.fields.end(),
                                    [&](const Field& f) { return f.name == unique; });
             ++k)
            unique = name + "_" + std::to_string(k);
        Storage storage = columns[cols.front()].storage;
        for (std::size_t c : cols) storage = widest(storage, columns[c].storage);
        if (const auto hint = typeHints.find(name); hint != typeHints.end()) type = hint->second;
        if (requiredWidth(type) != 0 && requiredWidth(type) != static_cast<int>(cols.size()))
            type = FieldType::Scalar;
        Field f;
        f.name = unique;
        f.type = type;
        f.shape = {rows, static_cast<int64_t>(cols.size())};
        f.values.assign(static_cast<std::size_t>(rows) * cols.size(), 0.0);
        f.storage = storage;
        const int index = static_cast<int>(layout.fields.size());
        for (std::size_t k = 0; k < cols.size(); ++k) {
            layout.targets[cols[k]] = {index, static_cast<int>(k)};
            used[cols[k]] = true;
        }
        layout.fields.push_back(std::move(f));
    };

    for (const Group& g : knownGroups()) {
        std::vector<std::size_t> cols;
        std::vector<bool> trial = used;
        for (const auto& spellings : g.spellings) {
            const auto c = findColumn(names, trial, spellings);
            if (!c) break;
            trial[*c] = true;
            cols.push_back(*c);
        }
        if (cols.size() + g.optionalTail >= g.spellings.size()) addField(g.field, g.type, cols);
    }
    if (layout.fields.empty() || layout.fields.front().name != "pos")
        throw FormatError::inFile(path, "no x, y and z columns among the " +
                                            std::to_string(columns.size()) + " columns");

    // name_0, name_1, ... -> one field "name" of that width.
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (used[i]) continue;
        const auto indexed = indexedName(names[i]);
        if (!indexed || indexed->second != 0) continue;
        std::vector<std::size_t> cols{i};
        for (std::size_t j = i + 1; j < columns.size(); ++j) {
            const auto next = indexedName(names[j]);
            if (used[j] || !next || next->first != indexed->first ||
                next->second != static_cast<int>(cols.size()))
                break;
            cols.push_back(j);
        }
        addField(indexed->first, FieldType::Scalar, cols);
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (used[i]) continue;
        if (names[i] == "_") { // PCD padding
            used[i] = true;
            continue;
        }
        const bool labels = names[i] == "label" || names[i] == "part" || names[i] == "class";
        const bool integer = columns[i].storage == Storage::Integer;
        addField(names[i], labels && integer ? FieldType::Categorical : FieldType::Scalar, {i});
    }
    return layout;
}

} // namespace equiscope
