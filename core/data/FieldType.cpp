#include "data/FieldType.h"

#include <array>
#include <utility>

namespace equiscope {

namespace {
constexpr std::array<std::pair<FieldType, std::string_view>, 8> kNames{{
    {FieldType::Scalar, "scalar"},
    {FieldType::Vector, "vector"},
    {FieldType::Pseudovector, "pseudovector"},
    {FieldType::Position, "position"},
    {FieldType::Tensor2, "tensor2"},
    {FieldType::Categorical, "categorical"},
    {FieldType::Irreps, "irreps"},
    {FieldType::Time, "time"},
}};
} // namespace

std::string_view fieldTypeName(FieldType type) {
    for (const auto& [t, name] : kNames)
        if (t == type) return name;
    return "unknown";
}

std::optional<FieldType> fieldTypeFromString(std::string_view name) {
    for (const auto& [t, n] : kNames)
        if (n == name) return t;
    return std::nullopt;
}

int requiredWidth(FieldType type) {
    switch (type) {
    case FieldType::Vector:
    case FieldType::Pseudovector:
    case FieldType::Position:
        return 3;
    case FieldType::Tensor2:
        return 9;
    case FieldType::Time:
        return 1;
    default:
        return 0;
    }
}

} // namespace equiscope
