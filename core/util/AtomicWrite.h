#pragma once
// Writes that never leave a half-written file where the user's file was.

#include <functional>
#include <ostream>
#include <string>

namespace equiscope {

// Calls `write` on a stream to a temporary file beside `path`, flushes it, then renames
// it over `path`. On any failure the temporary file is removed and `path` is untouched.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

} // namespace equiscope
