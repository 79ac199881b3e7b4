#pragma once
// equiscope-cli tp bench: the Gaunt (FFT), dense Gaunt and CG tensor products timed on the
// same inputs in the same run, per degree.

#include <string>
#include <vector>

namespace equiscope::cli {

constexpr int kMaxTensorProductDegree = 32;

int runTensorProductBench(const std::vector<std::string>& args);

// "1..12", "8" or "1,2,4" as a list of degrees; throws Error otherwise.
std::vector<int> parseDegreeRange(const std::string& text);

} // namespace equiscope::cli
