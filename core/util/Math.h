#pragma once
// Constants every layer uses (C++17 has no std::numbers).

namespace equiscope {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kRadiansPerDegree = kPi / 180.0;

} // namespace equiscope
