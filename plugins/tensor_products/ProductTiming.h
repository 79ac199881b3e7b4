#pragma once
// Times the tensor products of one degree on the same random inputs in the same run: the
// Gaunt product by FFT, by sphere grid and dense, and the CG product (median wall time of
// repeated calls after a warm-up). Shared by `equiscope-cli tp bench` and the app's timing
// chart.

#include "models/Device.h"

#include <cstdint>
#include <string>
#include <vector>

namespace equiscope::tp {

struct TimingWorkload {
    int64_t batch = 1, channels = 128;
    bool fullOutput = false; // output degree 2L (else L)
    bool float32 = false;    // else float64
    DeviceKind device = DeviceKind::Cpu;
    int repeats = 7;
    std::vector<std::string> kinds{"gaunt", "grid", "dense", "cg"}; // which to run
};

struct ProductTimings {
    int lmax = 0;
    double gaunt = 0, grid = 0, dense = 0, cg = 0; // ms; 0 when not run
};

// Throws Error when one input of degree lmax would hold more than 2^28 values.
void requireTimingFits(int lmax, const TimingWorkload& workload);
// Inputs are drawn with seed lmax, so runs compare; requireTimingFits first.
ProductTimings timeTensorProducts(int lmax, const TimingWorkload& workload);

} // namespace equiscope::tp
