// equiscope-cli: the Qt-free command line over core and plugins.

#include "Commands.h"
#include "util/Threads.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

void printUsage(std::ostream& out) {
    out << "usage: equiscope-cli COMMAND [ARGS]\n\n"
           "commands:\n"
           "  info FILE|demo [--json]   kind, counts, fields, bounding box and centroid\n\n"
           "Formats read: PLY, OFF, XYZ, PCD, NPY, NPZ. Exit status: 0 ok, 2 bad input.\n";
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? equiscope::cli::kExitBadInput : equiscope::cli::kExitOk;
    }
    equiscope::configureTorchThreads();
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "info") return equiscope::cli::runInfo(args);
    std::cerr << "equiscope-cli: unknown command '" << command << "'\n";
    printUsage(std::cerr);
    return equiscope::cli::kExitBadInput;
}
