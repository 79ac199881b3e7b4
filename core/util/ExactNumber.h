#pragma once
// A double as text with 17 significant digits, so it reads back bit-for-bit (files we
// write, numbers kept in string metadata).

#include <cstdio>
#include <string>

namespace equiscope {

inline std::string exactNumber(double v) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}

} // namespace equiscope
