#include "TensorProductBench.h"

#include "Arguments.h"
#include "Commands.h"
#include "harmonics/SphericalHarmonics.h"
#include "models/Device.h"
#include "tensor_products/CgProduct.h"
#include "tensor_products/GauntProduct.h"
#include "tensor_products/GridGauntProduct.h"
#include "util/Error.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace equiscope::cli {

std::vector<int> parseDegreeRange(const std::string& text) {
    std::vector<int> degrees;
    const auto dots = text.find("..");
    try {
        if (dots != std::string::npos) {
            const int first = std::stoi(text.substr(0, dots)),
                      last = std::stoi(text.substr(dots + 2));
            for (int l = first; l <= last; ++l) degrees.push_back(l);
        } else {
            for (const std::string& part : splitList(text)) degrees.push_back(std::stoi(part));
        }
    } catch (const std::exception&) {
        degrees.clear();
    }
    const bool valid = !degrees.empty() && std::all_of(degrees.begin(), degrees.end(), [](int l) {
        return l >= 0 && l <= kMaxTensorProductDegree;
    });
    if (!valid)
        throw Error("--lmax expects degrees 0.." + std::to_string(kMaxTensorProductDegree) +
                    " as 1..12, 8 or 1,2,4; got '" + text + "'");
    return degrees;
}

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

struct BenchRow {
    int lmax = 0;
    double gaunt = 0, grid = 0, dense = 0, cg = 0; // ms; 0 when not run
};

BenchRow measure(int lmax, int lout, const torch::Tensor& x, const torch::Tensor& y, int repeats,
                 const std::vector<std::string>& kinds) {
    const auto wants = [&](const char* k) {
        return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
    };
    BenchRow row{lmax, 0, 0, 0, 0};
    if (wants("gaunt"))
        row.gaunt = medianMilliseconds(repeats,
                                       [&] { return tp::gauntProductFft(x, lmax, y, lmax, lout); });
    if (wants("grid")) {
        const tp::GridGauntProduct grid(lmax, lmax, lout, x);
        row.grid = medianMilliseconds(repeats, [&] { return grid(x, y); });
    }
    if (wants("dense")) {
        const tp::DenseGauntProduct dense(lmax, lmax, lout, x);
        row.dense = medianMilliseconds(repeats, [&] { return dense(x, y); });
    }
    if (wants("cg")) {
        const tp::CgTensorProduct cg(lmax, lmax, lout, tp::gauntPathWeight, x);
        row.cg = medianMilliseconds(repeats, [&] { return cg(x, y); });
    }
    return row;
}

double ratio(double a, double b) {
    return a > 0 && b > 0 ? a / b : 0.0;
}

void printTable(const std::vector<BenchRow>& rows) {
    std::cout << "    L   gaunt(fft) ms  gaunt(grid) ms  gaunt(dense) ms       cg ms   cg/fft  "
                 "cg/grid\n";
    for (const BenchRow& r : rows)
        std::cout << std::setw(5) << r.lmax << std::fixed << std::setprecision(3) << std::setw(15)
                  << r.gaunt << std::setw(16) << r.grid << std::setw(17) << r.dense << std::setw(12)
                  << r.cg << std::setprecision(1) << std::setw(9) << ratio(r.cg, r.gaunt)
                  << std::setw(9) << ratio(r.cg, r.grid) << "\n";
}

// The first degree from which a Gaunt product (FFT or grid) beats the CG product (-1: never).
int crossover(const std::vector<BenchRow>& rows, double BenchRow::*gaunt) {
    for (const BenchRow& r : rows)
        if (r.*gaunt > 0 && r.cg > 0 && r.*gaunt < r.cg) return r.lmax;
    return -1;
}

void printJson(const std::vector<BenchRow>& rows, nlohmann::json out) {
    out["crossover_lmax"] = crossover(rows, &BenchRow::gaunt);
    out["grid_crossover_lmax"] = crossover(rows, &BenchRow::grid);
    out["results"] = nlohmann::json::array();
    for (const BenchRow& r : rows)
        out["results"].push_back({{"lmax", r.lmax},
                                  {"gaunt_ms", r.gaunt},
                                  {"gaunt_grid_ms", r.grid},
                                  {"gaunt_dense_ms", r.dense},
                                  {"cg_ms", r.cg},
                                  {"cg_over_gaunt", ratio(r.cg, r.gaunt)},
                                  {"cg_over_grid", ratio(r.cg, r.grid)},
                                  {"dense_over_gaunt", ratio(r.dense, r.gaunt)}});
    std::cout << out.dump() << "\n";
}

void printText(const std::vector<BenchRow>& rows, const std::string& workload) {
    std::cout << "tensor products of " << workload << ":\n";
    printTable(rows);
    for (const auto& [name, member] :
         {std::pair{"Gaunt (FFT)", &BenchRow::gaunt}, std::pair{"Gaunt (grid)", &BenchRow::grid}}) {
        const int c = crossover(rows, member);
        std::cout << name
                  << (c >= 0 ? " is faster than CG from L = " + std::to_string(c)
                             : std::string(" was not faster than CG at these degrees"))
                  << "\n";
    }
}

} // namespace

int runTensorProductBench(const std::vector<std::string>& argv) {
    const Arguments args(
        argv, {"lmax", "channels", "batch", "device", "dtype", "repeats", "threads", "kinds"},
        {"json", "full"});
    const std::vector<int> degrees = parseDegreeRange(args.get("lmax", "1..12"));
    const int64_t channels = args.integer("channels", 128, 1, 1 << 16);
    const int64_t batch = args.integer("batch", 1, 1, 1 << 20);
    const int repeats = static_cast<int>(args.integer("repeats", 7, 1, 1000));
    if (args.has("threads"))
        torch::set_num_threads(static_cast<int>(args.integer("threads", 1, 1, 1024)));
    const DeviceKind device = parseDevice(args.get("device", "cpu"));
    const std::string dtype = args.get("dtype", "float64");
    if (dtype != "float32" && dtype != "float64") throw Error("--dtype must be float32 or float64");
    const std::vector<std::string> kinds = splitList(args.get("kinds", "gaunt,grid,dense,cg"));
    const auto options = torch::TensorOptions()
                             .dtype(dtype == "float32" ? torch::kFloat : torch::kDouble)
                             .device(device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU);
    std::vector<BenchRow> rows;
    const int top = *std::max_element(degrees.begin(), degrees.end());
    if (batch * channels * shDimension(top) > (int64_t(1) << 28))
        throw Error("tp bench: batch x channels x (L+1)^2 = " +
                    std::to_string(batch * channels * shDimension(top)) +
                    " values per input is above 2^28; lower --batch or --channels");
    for (int lmax : degrees) {
        const int lout = args.has("full") ? 2 * lmax : lmax;
        torch::manual_seed(static_cast<uint64_t>(lmax));
        const torch::Tensor x = torch::randn({batch, channels, shDimension(lmax)}, options);
        const torch::Tensor y = torch::randn({batch, channels, shDimension(lmax)}, options);
        rows.push_back(measure(lmax, lout, x, y, repeats, kinds));
        if (!args.has("json")) std::cerr << "L = " << lmax << " done\n";
    }
    const std::string workload =
        std::to_string(batch) + " x " + std::to_string(channels) + " channels, degree L x L -> " +
        (args.has("full") ? "2L" : "L") + ", " + dtype + " on " + deviceName(device) + ", " +
        std::to_string(torch::get_num_threads()) + " threads, median of " + std::to_string(repeats);
    if (args.has("json"))
        printJson(rows, {{"device", deviceName(device)},
                         {"dtype", dtype},
                         {"channels", channels},
                         {"batch", batch},
                         {"threads", torch::get_num_threads()},
                         {"output", args.has("full") ? "2L" : "L"},
                         {"repeats", repeats}});
    else
        printText(rows, workload);
    return kExitOk;
}

} // namespace equiscope::cli
