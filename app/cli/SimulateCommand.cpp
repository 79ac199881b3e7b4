// equiscope-cli simulate nbody: the charged-particle n-body dataset of methods.md section 8.1.

#include "Arguments.h"
#include "Commands.h"
#include "io/Writers.h"
#include "scene/NBodySimulator.h"
#include "util/Error.h"

#include <iostream>

namespace equiscope::cli {

int runSimulate(const std::vector<std::string>& argv) {
    return guarded("simulate", [&] {
        if (argv.empty() || argv[0] != "nbody")
            throw Error("usage: equiscope-cli simulate nbody --n TRAJECTORIES --seed S "
                        "--out FILE.npz [--particles 5]");
        const Arguments args(std::vector<std::string>(argv.begin() + 1, argv.end()),
                             {"n", "seed", "out", "particles"}, {});
        if (!args.has("out")) throw Error("simulate nbody: --out FILE.npz is required");
        NBodyConfig c;
        c.particles = static_cast<int>(args.integer("particles", c.particles, 2, 1000));
        const int count = static_cast<int>(args.integer("n", 100, 1, 1000000));
        const auto seed = static_cast<uint64_t>(args.integer("seed", 43, 0, INT64_MAX));
        const auto runs = simulateChargedSet(c, count, seed,
                                             Progress(
                                                 [](double f, const std::string& m) {
                                                     std::cerr << "\r" << m << " ("
                                                               << static_cast<int>(100 * f) << "%)"
                                                               << std::flush;
                                                 },
                                                 nullptr));
        std::cerr << "\n";
        const int64_t s = count, t = c.frames, n = c.particles;
        NamedArray loc{"loc", {s, t, n, 3}, {}}, vel{"vel", {s, t, n, 3}, {}},
            charges{"charges", {s, n}, {}}, edges{"edges", {s, n, n}, {}};
        for (const NBodyTrajectory& r : runs) {
            loc.values.insert(loc.values.end(), r.positions.begin(), r.positions.end());
            vel.values.insert(vel.values.end(), r.velocities.begin(), r.velocities.end());
            charges.values.insert(charges.values.end(), r.charges.begin(), r.charges.end());
            // NRI's edges for the charged system: q_i q_j off the diagonal.
            for (int64_t i = 0; i < n; ++i)
                for (int64_t j = 0; j < n; ++j)
                    edges.values.push_back(i == j ? 0.0
                                                  : r.charges[static_cast<std::size_t>(i)] *
                                                        r.charges[static_cast<std::size_t>(j)]);
        }
        writeNpz(args.get("out"), {loc, vel, charges, edges});
        std::cout << "wrote " << args.get("out") << ": " << count << " trajectories of " << t
                  << " frames x " << n << " particles (dt " << c.dt << ", a frame every "
                  << c.stepsPerFrame << " steps); task: frame 30 -> frame 40\n";
        return kExitOk;
    });
}

} // namespace equiscope::cli
