#include "models/Device.h"

#include "util/Error.h"

#include <torch/cuda.h>

namespace equiscope {

bool cudaAvailable() {
    return torch::cuda::is_available();
}

DeviceKind parseDevice(const std::string& name) {
    if (name == "cpu") return DeviceKind::Cpu;
    if (name == "auto" || name.empty()) return cudaAvailable() ? DeviceKind::Cuda : DeviceKind::Cpu;
    if (name == "cuda") {
        if (!cudaAvailable())
            throw Error("--device cuda: no CUDA device is available (LibTorch sees none)");
        return DeviceKind::Cuda;
    }
    throw Error("unknown device '" + name + "' (expected auto, cpu or cuda)");
}

std::string deviceName(DeviceKind device) {
    return device == DeviceKind::Cuda ? "cuda" : "cpu";
}

} // namespace equiscope
