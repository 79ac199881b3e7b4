#pragma once
// The project's exception types. Every message is meant for the user as it is.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace equiscope {

// Any failure the user can act on (bad input, bad option, missing file).
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A file that does not hold what its format promises. The message names the file,
// where in it (line or byte offset) and what was expected there.
class FormatError : public Error {
  public:
    using Error::Error;
    static FormatError atLine(const std::string& path, int64_t line, const std::string& what);
    static FormatError atByte(const std::string& path, int64_t offset, const std::string& what);
    static FormatError inFile(const std::string& path, const std::string& what);
};

// Thrown out of a job whose cancellation token was set.
class Cancelled : public Error {
  public:
    Cancelled() : Error("cancelled") {}
};

} // namespace equiscope
