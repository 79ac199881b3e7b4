#include "models/Device.h"

#include "util/Error.h"

#include <c10/core/impl/DeviceGuardImplInterface.h>
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

int useCudaDevice(int index) {
    if (!cudaAvailable()) return -1;
    const int count = static_cast<int>(torch::cuda::device_count());
    const int chosen = ((index % count) + count) % count;
    c10::impl::getDeviceGuardImpl(c10::DeviceType::CUDA)
        ->setDevice(c10::Device(c10::DeviceType::CUDA, static_cast<c10::DeviceIndex>(chosen)));
    return chosen;
}

std::string deviceName(DeviceKind device) {
    return device == DeviceKind::Cuda ? "cuda" : "cpu";
}

} // namespace equiscope
