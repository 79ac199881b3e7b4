#pragma once
// Checks on what a file declares, made before anything is allocated for it: counts against
// the bytes that must hold them, numbers that become indices or labels, nesting depth. Each
// failure is a FormatError at a place in the file (line, byte or the whole file).

#include "util/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace equiscope {

class FilePlace {
  public:
    static FilePlace atLine(const std::string& path, int64_t line) { return {path, line, -1}; }
    static FilePlace atByte(const std::string& path, int64_t byte) { return {path, -1, byte}; }
    static FilePlace inFile(const std::string& path) { return {path, -1, -1}; }

    FormatError error(const std::string& what) const;
    [[noreturn]] void fail(const std::string& what) const { throw error(what); }
    const std::string& path() const { return path_; }

  private:
    FilePlace(const std::string& path, int64_t line, int64_t byte)
        : path_(path), line_(line), byte_(byte) {}
    std::string path_;
    int64_t line_, byte_;
};

// count × bytesEach when the `available` bytes can hold it; else fails with "<what>: <count>
// × <bytesEach> bytes are more than the <available> bytes left".
uint64_t requireFits(const FilePlace& at, uint64_t count, uint64_t bytesEach, uint64_t available,
                     const std::string& what);

// `v` as an integer when it is a whole number in [lo, hi]; else fails with "expected <what>
// as a whole number in [lo, hi], got <v>".
int64_t requireWhole(const FilePlace& at, double v, int64_t lo, int64_t hi,
                     const std::string& what);

// Labels (part ids, categories) from a file's numbers: each a whole number in int32's range.
std::vector<int64_t> requireLabels(const FilePlace& at, const std::vector<double>& values,
                                   const std::string& what);

// Nested structures (BVH joints, XML elements) deeper than this are refused: real files
// nest a few dozen levels, and recursion on a hostile file must not exhaust the stack.
constexpr int kMaxNesting = 256;
void requireNesting(const FilePlace& at, int depth, const std::string& what);

} // namespace equiscope
