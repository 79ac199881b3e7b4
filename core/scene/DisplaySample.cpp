#include "scene/DisplaySample.h"

#include "util/ExactNumber.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace equiscope {

std::vector<double> forceDirectedLayout(int64_t n, const std::vector<int64_t>& edgeIndex,
                                        uint64_t seed) {
    std::vector<double> p(static_cast<std::size_t>(n) * 3);
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    for (double& v : p) v = u(rng);
    if (n < 2) return p;
    const double k = 2.0 / std::cbrt(static_cast<double>(n)); // ideal edge length
    const auto e = static_cast<int64_t>(edgeIndex.size() / 2);
    // Pairwise repulsion is O(n^2): fewer iterations for big graphs (about 2e8 pair steps).
    const int iterations = static_cast<int>(
        std::clamp(2e8 / (static_cast<double>(n) * static_cast<double>(n)), 20.0, 300.0));
    std::vector<double> shift(p.size());
    for (int it = 0; it < iterations; ++it) {
        std::fill(shift.begin(), shift.end(), 0.0);
        for (int64_t i = 0; i < n; ++i)
            for (int64_t j = i + 1; j < n; ++j) {
                double d[3], d2 = 1e-12;
                for (int c = 0; c < 3; ++c) {
                    d[c] = p[i * 3 + c] - p[j * 3 + c];
                    d2 += d[c] * d[c];
                }
                const double f = k * k / d2; // repulsion k^2 / r, along d / r
                for (int c = 0; c < 3; ++c) {
                    shift[i * 3 + c] += d[c] * f;
                    shift[j * 3 + c] -= d[c] * f;
                }
            }
        for (int64_t a = 0; a < e; ++a) {
            const int64_t i = edgeIndex[static_cast<std::size_t>(a)],
                          j = edgeIndex[static_cast<std::size_t>(e + a)];
            if (i == j || i < 0 || j < 0 || i >= n || j >= n) continue;
            double d[3], r2 = 0;
            for (int c = 0; c < 3; ++c) {
                d[c] = p[i * 3 + c] - p[j * 3 + c];
                r2 += d[c] * d[c];
            }
            const double f = std::sqrt(r2) / k; // attraction r^2 / k, along d / r
            for (int c = 0; c < 3; ++c) {
                shift[i * 3 + c] -= d[c] * f;
                shift[j * 3 + c] += d[c] * f;
            }
        }
        const double temperature = 0.1 * (1.0 - static_cast<double>(it) / iterations) + 1e-3;
        for (int64_t i = 0; i < n; ++i) {
            const double len =
                std::sqrt(shift[i * 3] * shift[i * 3] + shift[i * 3 + 1] * shift[i * 3 + 1] +
                          shift[i * 3 + 2] * shift[i * 3 + 2]) +
                1e-12;
            const double step = std::min(len, temperature);
            for (int c = 0; c < 3; ++c) p[i * 3 + c] += shift[i * 3 + c] / len * step;
        }
    }
    return p;
}

namespace {

// A trajectory frame's clock reading: its per-frame "time" (or "t") field when the file has
// one, else frame x the file's frame time (BVH), else the frame index.
double frameClock(const Sample& sample, int64_t frame) {
    for (const Field& f : sample.frameFields)
        if ((f.name == "time" || f.name == "t") && f.width() == 1 &&
            frame < static_cast<int64_t>(f.values.size()))
            return f.values[static_cast<std::size_t>(frame)];
    if (const auto it = sample.metadata.find("frame_time"); it != sample.metadata.end())
        return static_cast<double>(frame) * std::stod(it->second);
    return static_cast<double>(frame);
}

} // namespace

Sample displaySample(const Sample& sample, int64_t frame) {
    Sample out;
    out.kind = sample.kind;
    out.edgeIndex = sample.edgeIndex;
    out.edgeFields = sample.edgeFields;
    out.faces = sample.faces;
    out.parts = sample.parts;
    out.metadata = sample.metadata;
    const int64_t frames = sample.frameCount();
    frame = std::clamp<int64_t>(frame, 0, frames - 1);
    for (const Field& f : sample.fields) {
        if (f.shape.size() != 3) {
            out.setField(f);
            continue;
        }
        Field cut = f;
        const int64_t per = f.shape[1] * f.shape[2];
        cut.shape = {f.shape[1], f.shape[2]};
        cut.values.assign(f.values.begin() + frame * per, f.values.begin() + (frame + 1) * per);
        out.setField(std::move(cut));
    }
    if (sample.kind == SampleKind::Trajectory && !out.find(kTimeField)) {
        const int64_t n = out.nodeCount();
        out.setField(Field::perNode(
            kTimeField, FieldType::Time, n, 1,
            std::vector<double>(static_cast<std::size_t>(n), frameClock(sample, frame)),
            Storage::Float64));
        out.metadata["time_span"] =
            exactNumber(std::abs(frameClock(sample, frames - 1) - frameClock(sample, 0)));
    }
    if (!out.find(Sample::kPositions)) {
        const int64_t n = out.nodeCount();
        out.setField(Field::perNode(Sample::kPositions, FieldType::Position, n, 3,
                                    forceDirectedLayout(n, out.edgeIndex), Storage::Float64));
        out.metadata["layout"] = "force-directed (no coordinates in the file)";
    }
    return out;
}

} // namespace equiscope
