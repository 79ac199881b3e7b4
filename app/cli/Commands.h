#pragma once
// The subcommands of equiscope-cli. Each returns the process exit status:
// 0 success, 1 a check failed its tolerance, 2 bad input or usage.

#include <functional>
#include <string>
#include <vector>

namespace equiscope::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailedCheck = 1;
constexpr int kExitBadInput = 2;

int runInfo(const std::vector<std::string>& args);
int runCheck(const std::vector<std::string>& args);
int runProfile(const std::vector<std::string>& args);
int runSweep(const std::vector<std::string>& args);
int runLie(const std::vector<std::string>& args);
int runModels(const std::vector<std::string>& args);
int runTrain(const std::vector<std::string>& args);
int runSimulate(const std::vector<std::string>& args);
int runSphericalHarmonics(const std::vector<std::string>& args);
int runTensorProduct(const std::vector<std::string>& args);
int runScan(const std::vector<std::string>& args);
int runScanMerge(const std::vector<std::string>& args);

// `info` on a TorchScript file (.pt, .pth): its spec and one forward on a small cloud.
bool isModelFile(const std::string& path);
int describeModel(const std::string& path, bool json);

// Runs a command body, turning any error into one line on stderr and exit status 2.
int guarded(const char* command, const std::function<int()>& body);

} // namespace equiscope::cli
