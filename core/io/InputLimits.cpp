#include "io/InputLimits.h"

#include "util/CheckedMath.h"
#include "util/ExactNumber.h"

namespace equiscope {

FormatError FilePlace::error(const std::string& what) const {
    if (line_ >= 0) return FormatError::atLine(path_, line_, what);
    if (byte_ >= 0) return FormatError::atByte(path_, byte_, what);
    return FormatError::inFile(path_, what);
}

uint64_t requireFits(const FilePlace& at, uint64_t count, uint64_t bytesEach, uint64_t available,
                     const std::string& what) {
    const auto bytes = checkedMul(count, bytesEach);
    if (!bytes || *bytes > available)
        at.fail(what + ": " + std::to_string(count) + " × " + std::to_string(bytesEach) +
                " bytes are more than the " + std::to_string(available) + " bytes left");
    return *bytes;
}

int64_t requireWhole(const FilePlace& at, double v, int64_t lo, int64_t hi,
                     const std::string& what) {
    const auto i = wholeNumber(v, lo, hi);
    if (!i)
        at.fail("expected " + what + " as a whole number in [" + std::to_string(lo) + ", " +
                std::to_string(hi) + "], got " + exactNumber(v));
    return *i;
}

std::vector<int64_t> requireLabels(const FilePlace& at, const std::vector<double>& values,
                                   const std::string& what) {
    std::vector<int64_t> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        out.push_back(
            requireWhole(at, values[i], INT32_MIN, INT32_MAX, what + " " + std::to_string(i)));
    return out;
}

void requireNesting(const FilePlace& at, int depth, const std::string& what) {
    if (depth > kMaxNesting)
        at.fail(what + " nested more than " + std::to_string(kMaxNesting) + " levels deep");
}

} // namespace equiscope
