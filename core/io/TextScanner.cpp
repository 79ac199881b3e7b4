#include "io/TextScanner.h"

#include "util/Error.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace equiscope {

namespace {
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    return true;
}
} // namespace

bool TextScanner::nextToken(std::string_view& token) {
    while (pos_ < end_ && isSpace(*pos_)) {
        if (*pos_ == '\n') ++line_;
        ++pos_;
    }
    if (pos_ == end_) return false;
    const char* start = pos_;
    while (pos_ < end_ && !isSpace(*pos_)) ++pos_;
    token = std::string_view(start, static_cast<std::size_t>(pos_ - start));
    return true;
}

bool TextScanner::nextLine(std::string_view& line) {
    if (pos_ == end_) return false;
    const char* start = pos_;
    while (pos_ < end_ && *pos_ != '\n') ++pos_;
    const char* stop = pos_;
    if (pos_ < end_) ++pos_; // the newline
    if (stop > start && stop[-1] == '\r') --stop;
    line = std::string_view(start, static_cast<std::size_t>(stop - start));
    ++line_;
    return true;
}

std::string_view TextScanner::requireToken(const char* what) {
    std::string_view token;
    if (!nextToken(token)) fail(std::string("unexpected end of file; expected ") + what);
    return token;
}

double TextScanner::requireDouble(const char* what) {
    const std::string_view token = requireToken(what);
    double value = 0;
    if (!parseDouble(token, value))
        fail(std::string("expected ") + what + ", got " + quoted(token));
    return value;
}

int64_t TextScanner::requireInteger(const char* what) {
    const std::string_view token = requireToken(what);
    int64_t value = 0;
    if (!parseInteger(token, value))
        fail(std::string("expected ") + what + ", got " + quoted(token));
    return value;
}

void TextScanner::fail(const std::string& message) const {
    throw FormatError::atLine(path_, line_, message);
}

bool parseDouble(std::string_view token, double& value) {
    if (token.empty()) return false;
    const char* first = token.data();
    const char* last = first + token.size();
    if (*first == '+') ++first; // from_chars rejects a leading '+'
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && end == last) return true;
    if (ec == std::errc::result_out_of_range && end == last) { // keep magnitude overflow as inf
        value = (*first == '-') ? -std::numeric_limits<double>::infinity()
                                : std::numeric_limits<double>::infinity();
        return true;
    }
    // Spellings from other writers: "nan", "-nan", "inf", "1.#INF", "NaN".
    std::string_view t(first, static_cast<std::size_t>(last - first));
    const bool negative = !t.empty() && t[0] == '-';
    if (negative) t.remove_prefix(1);
    if (equalsNoCase(t, "nan") || equalsNoCase(t, "1.#qnan") || equalsNoCase(t, "1.#ind")) {
        value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (equalsNoCase(t, "inf") || equalsNoCase(t, "infinity") || equalsNoCase(t, "1.#inf")) {
        value = negative ? -std::numeric_limits<double>::infinity()
                         : std::numeric_limits<double>::infinity();
        return true;
    }
    return false;
}

bool parseInteger(std::string_view token, int64_t& value) {
    if (token.empty()) return false;
    const char* first = token.data();
    const char* last = first + token.size();
    if (*first == '+') ++first;
    const auto [end, ec] = std::from_chars(first, last, value);
    return ec == std::errc() && end == last;
}

std::string quoted(std::string_view token) {
    constexpr std::size_t kMax = 40;
    std::string out = "'";
    for (char c : token.substr(0, kMax)) out += (static_cast<unsigned char>(c) < 32) ? '?' : c;
    if (token.size() > kMax) out += "...";
    return out + "'";
}

} // namespace equiscope
