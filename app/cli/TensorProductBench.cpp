#include "TensorProductBench.h"

#include "Arguments.h"
#include "Commands.h"
#include "models/Device.h"
#include "tensor_products/ProductTiming.h"
#include "util/Error.h"

#include <algorithm>
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

using BenchRow = tp::ProductTimings;

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
    const tp::TimingWorkload timing{batch,
                                    channels,
                                    args.has("full"),
                                    dtype == "float32",
                                    device,
                                    repeats,
                                    splitList(args.get("kinds", "gaunt,grid,dense,cg"))};
    tp::requireTimingFits(*std::max_element(degrees.begin(), degrees.end()), timing);
    std::vector<BenchRow> rows;
    for (int lmax : degrees) {
        rows.push_back(tp::timeTensorProducts(lmax, timing));
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
