#include "MpiCollective.h"

#include <algorithm>
#include <climits>
#include <mpi.h>

namespace equiscope::cli {

namespace {

// MPI counts are ints: large buffers go in pieces.
template <typename Call> void inPieces(double* values, std::size_t count, Call call) {
    for (std::size_t at = 0; at < count; at += INT_MAX)
        call(values + at, static_cast<int>(std::min<std::size_t>(INT_MAX, count - at)));
}

} // namespace

int MpiCollective::rank() const {
    int r = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r;
}

int MpiCollective::size() const {
    int n = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &n);
    return n;
}

void MpiCollective::allReduceSum(double* values, std::size_t count) {
    inPieces(values, count, [](double* v, int n) {
        MPI_Allreduce(MPI_IN_PLACE, v, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    });
}

void MpiCollective::broadcastFromRoot(double* values, std::size_t count) {
    inPieces(values, count,
             [](double* v, int n) { MPI_Bcast(v, n, MPI_DOUBLE, 0, MPI_COMM_WORLD); });
}

} // namespace equiscope::cli
