#pragma once
// How a group acts on a field (model-format.md, "How the group acts").

#include <optional>
#include <string_view>

namespace equiscope {

enum class FieldType {
    Scalar,       // invariant
    Vector,       // v -> A v, translation-invariant
    Pseudovector, // v -> det(A) A v
    Position,     // x -> A x + t
    Tensor2,      // T -> A T A^T, stored as 9 row-major values
    Categorical,  // invariant integer labels
    Irreps,       // e3nn irreps string, Wigner-D blocks
    Time,         // a clock reading: t -> t + s under TimeShift, invariant otherwise
};

std::string_view fieldTypeName(FieldType type);
std::optional<FieldType> fieldTypeFromString(std::string_view name);

// The width a field of this type must have, or 0 when any width is allowed.
int requiredWidth(FieldType type);

// How the values were stored in the file they came from; writers keep it.
enum class Storage { Float32, Float64, Integer };

} // namespace equiscope
