#pragma once
// The subcommands of equiscope-cli. Each returns the process exit status:
// 0 success, 1 a check failed its tolerance, 2 bad input or usage.

#include <string>
#include <vector>

namespace equiscope::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

int runInfo(const std::vector<std::string>& args);

} // namespace equiscope::cli
