#pragma once
// Arithmetic on numbers that come from files: sums and products that report overflow
// instead of wrapping, and float-to-integer conversions that report a value they cannot
// represent (NaN, infinite, fractional or out of range) instead of undefined behaviour.

#include <cmath>
#include <cstdint>
#include <optional>

namespace equiscope {

inline std::optional<uint64_t> checkedMul(uint64_t a, uint64_t b) {
    uint64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
    return r;
}

inline std::optional<uint64_t> checkedAdd(uint64_t a, uint64_t b) {
    uint64_t r = 0;
    if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
    return r;
}

// `v` as an integer when it is a whole number in [lo, hi]; nullopt otherwise.
inline std::optional<int64_t> wholeNumber(double v, int64_t lo, int64_t hi) {
    constexpr double kTwo63 = 9223372036854775808.0; // int64 holds [-2^63, 2^63)
    if (!(v >= -kTwo63 && v < kTwo63) || v != std::floor(v)) return std::nullopt; // NaN too
    const auto i = static_cast<int64_t>(v);
    if (i < lo || i > hi) return std::nullopt;
    return i;
}

} // namespace equiscope
