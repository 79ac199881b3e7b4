#include "MpiWorld.h"

#include "models/Device.h"
#include "util/Runtime.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <mpi.h>
#include <thread>
#include <vector>

namespace equiscope::cli {

namespace {

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

} // namespace

MpiWorld::MpiWorld() {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node);
    MPI_Comm_rank(node, &localRank_);
    MPI_Comm_size(node, &localSize_);
    MPI_Comm_free(&node);
    // A rank bound to cores by the launcher sees only those; an unbound one shares the
    // node's with the other ranks there. EQUISCOPE_THREADS still wins.
    const int nodeCores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    const int share = std::max(1, std::min(usableCores(), nodeCores / localSize_));
    threads_ = configureRuntime(std::getenv("EQUISCOPE_THREADS") ? 0 : share);
    useCudaDevice(localRank_);
}

MpiWorld::~MpiWorld() {
    MPI_Finalize();
}

bool MpiWorld::allOk(bool ok, const std::string& message, const char* command) const {
    std::vector<int> flags(static_cast<std::size_t>(size_));
    int mine = ok ? 1 : 0;
    MPI_Allgather(&mine, 1, MPI_INT, flags.data(), 1, MPI_INT, MPI_COMM_WORLD);
    const auto first = std::find(flags.begin(), flags.end(), 0);
    if (first == flags.end()) return true;
    if (first - flags.begin() == rank_)
        std::cerr << "equiscope-cli " << command << ": "
                  << (rank_ == 0 ? "" : "rank " + std::to_string(rank_) + ": ")
                  << firstLine(message) << "\n";
    return false;
}

void MpiWorld::abort(const std::string& message, const char* command) const {
    std::cerr << "equiscope-cli " << command << ": rank " << rank_ << ": " << firstLine(message)
              << "\n"
              << std::flush;
    MPI_Abort(MPI_COMM_WORLD, 2);
    std::abort(); // MPI_Abort does not return
}

} // namespace equiscope::cli
