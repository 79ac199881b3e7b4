#pragma once
// Token and line scanning over an in-memory text buffer, keeping the line number for
// error messages.

#include "io/InputLimits.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace equiscope {

class TextScanner {
  public:
    // `firstLine` is the line of the first token; a reader that goes by nextLine() passes 0,
    // so that each line it gets is counted as it is read and errors name that line.
    TextScanner(const char* begin, const char* end, std::string path, int64_t firstLine = 1)
        : pos_(begin), end_(end), path_(std::move(path)), line_(firstLine) {}

    // Next whitespace-separated token, crossing newlines; false at the end of the buffer.
    bool nextToken(std::string_view& token);
    // Next line without its terminator ("\n" or "\r\n"); false at the end of the buffer.
    bool nextLine(std::string_view& line);

    // Token parsers that throw FormatError naming the file, the line and `what`.
    std::string_view requireToken(const char* what);
    double requireDouble(const char* what);
    int64_t requireInteger(const char* what);

    [[noreturn]] void fail(const std::string& message) const;

    int64_t line() const { return line_; }
    FilePlace here() const { return FilePlace::atLine(path_, line_); }
    const char* position() const { return pos_; }
    std::size_t remaining() const { return static_cast<std::size_t>(end_ - pos_); }
    const std::string& path() const { return path_; }

  private:
    const char* pos_;
    const char* end_;
    std::string path_;
    int64_t line_;
};

// Parsers of a whole token; false when the token is not entirely a number.
bool parseDouble(std::string_view token, double& value);
bool parseInteger(std::string_view token, int64_t& value);

// Cuts a line into fields separated by blanks, tabs, commas or semicolons.
template <typename Visit> void splitFields(std::string_view line, Visit visit) {
    std::size_t i = 0;
    const std::size_t n = line.size();
    auto isSep = [](char c) { return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '\r'; };
    while (i < n) {
        while (i < n && isSep(line[i])) ++i;
        const std::size_t start = i;
        while (i < n && !isSep(line[i])) ++i;
        if (i > start) visit(line.substr(start, i - start));
    }
}

// Whether the line holds any field (a line of separators alone counts as blank).
inline bool hasFields(std::string_view line) {
    bool any = false;
    splitFields(line, [&](std::string_view) { any = true; });
    return any;
}

std::string quoted(std::string_view token); // 'token', shortened when long

} // namespace equiscope
