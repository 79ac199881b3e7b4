#pragma once
// Where a model runs: "auto" (CUDA when available), "cpu" or "cuda".

#include <string>

namespace equiscope {

enum class DeviceKind { Cpu, Cuda };

DeviceKind parseDevice(const std::string& name); // throws Error for cuda without CUDA
bool cudaAvailable();
std::string deviceName(DeviceKind device);
// Makes CUDA device `index` modulo the device count the calling thread's current one (what
// "cuda" without an index means), as torch.cuda.set_device does: one device per MPI rank
// of a node. Does nothing without CUDA. Returns the device chosen, or -1.
int useCudaDevice(int index);

} // namespace equiscope
