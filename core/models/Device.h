#pragma once
// Where a model runs: "auto" (CUDA when available), "cpu" or "cuda".

#include <string>

namespace equiscope {

enum class DeviceKind { Cpu, Cuda };

DeviceKind parseDevice(const std::string& name); // throws Error for cuda without CUDA
bool cudaAvailable();
std::string deviceName(DeviceKind device);

} // namespace equiscope
