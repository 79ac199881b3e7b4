#include "util/Error.h"

namespace equiscope {

FormatError FormatError::atLine(const std::string& path, int64_t line, const std::string& what) {
    return FormatError(path + ":" + std::to_string(line) + ": " + what);
}

FormatError FormatError::atByte(const std::string& path, int64_t offset, const std::string& what) {
    return FormatError(path + ": byte " + std::to_string(offset) + ": " + what);
}

FormatError FormatError::inFile(const std::string& path, const std::string& what) {
    return FormatError(path + ": " + what);
}

} // namespace equiscope
