#include "egnn/KnnGraph.h"

#include "util/Error.h"

#include <ATen/Parallel.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <queue>

namespace equiscope {

std::vector<int64_t> knnGraph(const double* xyz, int64_t n, int64_t k) {
    k = std::min(k, n - 1);
    if (k <= 0) return {};
    std::array<double, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) lo[a] = std::numeric_limits<double>::infinity(), hi[a] = -lo[a];
    for (int64_t i = 0; i < n; ++i)
        for (int a = 0; a < 3; ++a) {
            const double v = xyz[i * 3 + a];
            if (!std::isfinite(v))
                throw Error("k-nearest-neighbour graph: point " + std::to_string(i) +
                            " has a non-finite coordinate");
            lo[a] = std::min(lo[a], v);
            hi[a] = std::max(hi[a], v);
        }
    // About k points per cell for a uniform spread; at most ~n cells.
    double volume = 1;
    const double extent = std::max({hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2], 1e-12});
    for (int a = 0; a < 3; ++a) volume *= std::max(hi[a] - lo[a], extent * 1e-3);
    const double cell = std::cbrt(volume * static_cast<double>(k) / static_cast<double>(n));
    std::array<int64_t, 3> dims{};
    for (int a = 0; a < 3; ++a)
        dims[a] = std::clamp<int64_t>(static_cast<int64_t>((hi[a] - lo[a]) / cell) + 1, 1, 1 << 20);
    auto coord = [&](int64_t i, int a) {
        return std::clamp<int64_t>(static_cast<int64_t>((xyz[i * 3 + a] - lo[a]) / cell), 0,
                                   dims[a] - 1);
    };
    const int64_t cells = dims[0] * dims[1] * dims[2];
    std::vector<int64_t> start(static_cast<std::size_t>(cells) + 1, 0),
        order(static_cast<std::size_t>(n));
    std::vector<int64_t> cellOf(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        cellOf[i] = (coord(i, 2) * dims[1] + coord(i, 1)) * dims[0] + coord(i, 0);
        ++start[cellOf[i] + 1];
    }
    for (int64_t c = 0; c < cells; ++c) start[c + 1] += start[c];
    std::vector<int64_t> fill(start.begin(), start.end() - 1);
    for (int64_t i = 0; i < n; ++i) order[fill[cellOf[i]]++] = i;

    std::vector<int64_t> out(static_cast<std::size_t>(n * k));
    at::parallel_for(0, n, 256, [&](int64_t begin, int64_t end) {
        using Candidate = std::pair<double, int64_t>; // (squared distance, index); max-heap
        std::priority_queue<Candidate> best;
        for (int64_t i = begin; i < end; ++i) {
            const std::array<int64_t, 3> c{coord(i, 0), coord(i, 1), coord(i, 2)};
            for (int64_t r = 0;; ++r) {
                // Visit the shell of cells at Chebyshev distance r from the point's cell.
                for (int64_t z = c[2] - r; z <= c[2] + r; ++z) {
                    if (z < 0 || z >= dims[2]) continue;
                    for (int64_t y = c[1] - r; y <= c[1] + r; ++y) {
                        if (y < 0 || y >= dims[1]) continue;
                        const bool edgeZY = std::abs(z - c[2]) == r || std::abs(y - c[1]) == r;
                        for (int64_t x = c[0] - r; x <= c[0] + r;
                             x += (edgeZY || r == 0) ? 1 : 2 * r) {
                            if (x < 0 || x >= dims[0]) continue;
                            const int64_t id = (z * dims[1] + y) * dims[0] + x;
                            for (int64_t s = start[id]; s < start[id + 1]; ++s) {
                                const int64_t j = order[s];
                                if (j == i) continue;
                                const double dx = xyz[j * 3] - xyz[i * 3],
                                             dy = xyz[j * 3 + 1] - xyz[i * 3 + 1],
                                             dz = xyz[j * 3 + 2] - xyz[i * 3 + 2];
                                const Candidate cand{dx * dx + dy * dy + dz * dz, j};
                                if (static_cast<int64_t>(best.size()) < k)
                                    best.push(cand);
                                else if (cand < best.top()) {
                                    best.pop();
                                    best.push(cand);
                                }
                            }
                        }
                    }
                }
                // Anything outside the visited shells is at least r * cell away.
                const bool allCells = r >= std::max({dims[0], dims[1], dims[2]});
                if (allCells || (static_cast<int64_t>(best.size()) == k &&
                                 best.top().first <= (r * cell) * (r * cell)))
                    break;
            }
            for (int64_t m = k - 1; m >= 0; --m) {
                out[static_cast<std::size_t>(i * k + m)] = best.top().second;
                best.pop();
            }
        }
    });
    return out;
}

} // namespace equiscope
