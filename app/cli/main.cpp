// equiscope-cli: the Qt-free command line over core and plugins.

#include "Commands.h"
#include "MpiLaunch.h"
#include "util/ReadBudget.h"
#include "util/Runtime.h"

#include <charconv>
#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& out) {
    out << "usage: equiscope-cli COMMAND [ARGS]\n\n"
           "commands:\n"
           "  info FILE|demo [--json]     kind, counts, fields, bounding box and centroid\n"
           "  check --model M --group G   equivariance error per group (--tol X: exit 1 above it)\n"
           "  profile --model M           the error for every candidate group\n"
           "  sweep --model M --group G   error along a one-parameter subgroup (CSV or --json);\n"
           "                              --over samples: against K of affine_mc\n"
           "  lie --model M --group G     Lie derivative per generator (float64)\n"
           "  scan DATA --model M --group G  the error of every graph, frame or file of DATA\n"
           "                              (--out RESULTS.csv|.jsonl, --resume, --shard I/N)\n"
           "  scan-merge PART... --out RESULTS  join the shards of a scan\n"
           "  models                      the built-in models, their options and claimed "
           "symmetries\n"
           "  train per --task inertia|cossim|motion  soft-equivariance training; learned "
           "symmetry levels\n"
           "  train augment --task shapes  invariance-constrained augmentation; learned levels\n"
           "  train classify --task shapes  a shape classifier, tested on distorted splits\n"
           "  simulate nbody --n N --seed S --out FILE.npz  the charged n-body dataset\n"
           "  sh --lmax L --points P.npy --out Y.npy   real spherical harmonics (e3nn's basis)\n"
           "  tp --kind gaunt|gaunt-grid|gaunt-dense|cg ...  tensor product of coefficient arrays\n"
           "  tp bench --lmax 1..12                   Gaunt (FFT) vs dense Gaunt vs CG timings\n\n"
           "Model commands take --data FILE|demo --samples K --seed S --dtype float32|float64\n"
           "--device auto|cpu|cuda --features a,b --model-option k=v --load WEIGHTS --json;\n"
           "--max-memory BYTES (any command; suffix K, M or G) caps the memory one file's read "
           "may take\n(default 4G).\n"
           "see README.md. Exit status: 0 ok, 1 a check above --tol, 2 bad input.\n";
}

// Takes "--max-memory BYTES" out of `args` and applies it; false on a bad value.
bool takeMemoryBudget(std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--max-memory") continue;
        const std::string text = i + 1 < args.size() ? args[i + 1] : "";
        uint64_t bytes = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), bytes);
        const std::string suffix(end, text.data() + text.size());
        const int shift = suffix.empty()  ? 0
                          : suffix == "K" ? 10
                          : suffix == "M" ? 20
                          : suffix == "G" ? 30
                                          : -1;
        if (ec != std::errc() || shift < 0 || bytes == 0 || bytes > (UINT64_MAX >> shift)) {
            std::cerr << "equiscope-cli: --max-memory expects a byte count > 0 (e.g. 4294967296 "
                         "or 4G), got '"
                      << text << "'\n";
            return false;
        }
        equiscope::ReadBudget::setLimit(bytes << shift);
        args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                   args.begin() + static_cast<std::ptrdiff_t>(i + 2));
        --i;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? equiscope::cli::kExitBadInput : equiscope::cli::kExitOk;
    }
    if (!takeMemoryBudget(args)) return equiscope::cli::kExitBadInput;
    if (args.empty()) {
        printUsage(std::cerr);
        return equiscope::cli::kExitBadInput;
    }
    equiscope::configureRuntime();
    const std::string command = args[0];
    args.erase(args.begin());
    using namespace equiscope::cli;
    if (launchedRanks() > 1 && command != "scan" && command != "train") {
        if (launchedRank() == 0)
            std::cerr << "equiscope-cli " << command << ": started as one of " << launchedRanks()
                      << " MPI ranks; only scan and train share work over ranks, run " << command
                      << " as one process\n";
        return kExitBadInput;
    }
    if (command == "info") return runInfo(args);
    if (command == "check") return runCheck(args);
    if (command == "profile") return runProfile(args);
    if (command == "sweep") return runSweep(args);
    if (command == "lie") return runLie(args);
    if (command == "models") return runModels(args);
    if (command == "train") return runTrain(args);
    if (command == "simulate") return runSimulate(args);
    if (command == "sh") return runSphericalHarmonics(args);
    if (command == "tp") return runTensorProduct(args);
    if (command == "scan") return runScan(args);
    if (command == "scan-merge") return runScanMerge(args);
    std::cerr << "equiscope-cli: unknown command '" << command << "'\n";
    printUsage(std::cerr);
    return equiscope::cli::kExitBadInput;
}
