#include "scene/NBodySimulator.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace equiscope {

namespace {

void forces(const std::vector<double>& x, const std::vector<double>& q, double clip,
            std::vector<double>& f) {
    const std::size_t n = q.size();
    std::fill(f.begin(), f.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j) continue;
            double d[3], r2 = 0;
            for (int c = 0; c < 3; ++c) {
                d[c] = x[i * 3 + c] - x[j * 3 + c];
                r2 += d[c] * d[c];
            }
            const double s = q[i] * q[j] / (r2 * std::sqrt(r2));
            for (int c = 0; c < 3; ++c) f[i * 3 + c] += s * d[c];
        }
    for (double& v : f) v = std::clamp(v, -clip, clip);
}

} // namespace

NBodyTrajectory simulateCharged(const NBodyConfig& c, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0, 1);
    const auto n = static_cast<std::size_t>(c.particles);
    NBodyTrajectory t;
    t.charges.resize(n);
    std::bernoulli_distribution sign(0.5);
    for (double& q : t.charges) q = sign(rng) ? 1.0 : -1.0;
    const double locStd = std::cbrt(c.particles / 5.0);
    std::vector<double> x(n * 3), v(n * 3), f(n * 3);
    for (double& p : x) p = locStd * normal(rng);
    for (std::size_t i = 0; i < n; ++i) {
        double d[3], len = 0;
        for (double& dc : d) {
            dc = normal(rng);
            len += dc * dc;
        }
        len = std::sqrt(len) + 1e-12;
        for (int k = 0; k < 3; ++k) v[i * 3 + k] = c.speed * d[k] / len;
    }
    auto store = [&] {
        t.positions.insert(t.positions.end(), x.begin(), x.end());
        t.velocities.insert(t.velocities.end(), v.begin(), v.end());
    };
    store();
    // Symplectic Euler as the original: a first velocity kick, then drift and kick.
    forces(x, t.charges, c.forceClip, f);
    for (std::size_t k = 0; k < v.size(); ++k) v[k] += c.dt * f[k];
    for (int frame = 1; frame < c.frames; ++frame) {
        for (int s = 0; s < c.stepsPerFrame; ++s) {
            for (std::size_t k = 0; k < x.size(); ++k) x[k] += c.dt * v[k];
            forces(x, t.charges, c.forceClip, f);
            for (std::size_t k = 0; k < v.size(); ++k) v[k] += c.dt * f[k];
        }
        store();
    }
    return t;
}

std::vector<NBodyTrajectory> simulateChargedSet(const NBodyConfig& c, int count, uint64_t seed,
                                                const Progress& progress) {
    std::vector<NBodyTrajectory> out;
    out.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) {
        out.push_back(simulateCharged(c, seed + static_cast<uint64_t>(i)));
        if (i % 50 == 0)
            progress.report(static_cast<double>(i) / count,
                            "simulating " + std::to_string(i) + "/" + std::to_string(count));
    }
    return out;
}

double chargedEnergy(const double* x, const double* v, const std::vector<double>& q) {
    const std::size_t n = q.size();
    double e = 0;
    for (std::size_t k = 0; k < n * 3; ++k) e += 0.5 * v[k] * v[k];
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            double r2 = 0;
            for (int c = 0; c < 3; ++c)
                r2 += (x[i * 3 + c] - x[j * 3 + c]) * (x[i * 3 + c] - x[j * 3 + c]);
            e += q[i] * q[j] / std::sqrt(r2);
        }
    return e;
}

} // namespace equiscope
