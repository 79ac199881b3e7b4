#pragma once
// Small text helpers shared by the parsers of group names, transforms and files.

#include <algorithm>
#include <cctype>
#include <string>

namespace equiscope {

// `s` without leading and trailing white space.
inline std::string trim(std::string s) {
    const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
    s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
    return s;
}

} // namespace equiscope
