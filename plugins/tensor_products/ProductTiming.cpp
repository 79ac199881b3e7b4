#include "tensor_products/ProductTiming.h"

#include "harmonics/SphericalHarmonics.h"
#include "tensor_products/CgProduct.h"
#include "tensor_products/GauntProduct.h"
#include "tensor_products/GridGauntProduct.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <torch/torch.h>

namespace equiscope::tp {

namespace {

// Median wall time in milliseconds of `repeats` calls after one warm-up; reading one value
// back waits for an asynchronous device.
double medianMilliseconds(int repeats, const std::function<torch::Tensor()>& run) {
    run().sum().item<double>();
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        run().sum().item<double>();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

void requireTimingFits(int lmax, const TimingWorkload& w) {
    const int64_t values = w.batch * w.channels * shDimension(lmax);
    if (values > (int64_t(1) << 28))
        throw Error(
            "tensor-product timing: batch x channels x (L+1)^2 = " + std::to_string(values) +
            " values per input is above 2^28; lower the batch (--batch) or the channels (--channels)");
}

ProductTimings timeTensorProducts(int lmax, const TimingWorkload& w) {
    requireTimingFits(lmax, w);
    const auto options = torch::TensorOptions()
                             .dtype(w.float32 ? torch::kFloat : torch::kDouble)
                             .device(w.device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU);
    torch::manual_seed(static_cast<uint64_t>(lmax));
    const torch::Tensor x = torch::randn({w.batch, w.channels, shDimension(lmax)}, options);
    const torch::Tensor y = torch::randn({w.batch, w.channels, shDimension(lmax)}, options);
    const int lout = w.fullOutput ? 2 * lmax : lmax;
    const auto wants = [&](const char* k) {
        return std::find(w.kinds.begin(), w.kinds.end(), k) != w.kinds.end();
    };
    ProductTimings row{lmax, 0, 0, 0, 0};
    if (wants("gaunt"))
        row.gaunt =
            medianMilliseconds(w.repeats, [&] { return gauntProductFft(x, lmax, y, lmax, lout); });
    if (wants("grid")) {
        const GridGauntProduct grid(lmax, lmax, lout, x);
        row.grid = medianMilliseconds(w.repeats, [&] { return grid(x, y); });
    }
    if (wants("dense")) {
        const DenseGauntProduct dense(lmax, lmax, lout, x);
        row.dense = medianMilliseconds(w.repeats, [&] { return dense(x, y); });
    }
    if (wants("cg")) {
        const CgTensorProduct cg(lmax, lmax, lout, gauntPathWeight, x);
        row.cg = medianMilliseconds(w.repeats, [&] { return cg(x, y); });
    }
    return row;
}

} // namespace equiscope::tp
