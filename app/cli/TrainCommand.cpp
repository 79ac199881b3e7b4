// equiscope-cli train per: soft-equivariance training with learned symmetry levels, and
// its baselines.

#include "Arguments.h"
#include "Commands.h"
#include "TrainRanks.h"
#include "TrainSupport.h"
#include "nbody/NBodyForecast.h"
#include "soft_equivariance/PerResultFiles.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>

namespace equiscope::cli {

namespace {

constexpr const char* kUsage =
    "usage: equiscope-cli train apen [--scenes 48] [--held-out 8] [--epochs 30] [--batch 1] "
    "[--seed 0] "
    "[--objects 4] [--points 256] [--noise 0.02] [--contact] [--lr R] [--device cpu|cuda] "
    "[--out DIR [--resume]] [--json]\n"
    "       equiscope-cli train egnn [--trajectories 3000] [--epochs 100] [--seed 43] "
    "[--device cpu|cuda] [--out DIR [--resume]] [--json]\n"
    "       equiscope-cli train per --task inertia|cossim|motion [--model per|mlp|rpp|emlp] "
    "[--variant V] [--epsilon E] [--epochs N] [--adjust-epoch N] [--lambda L] [--lr R] "
    "[--seed S] [--device cpu|cuda|auto] [--out DIR [--resume] [--checkpoint-every N]] [--json]\n"
    "       equiscope-cli train augment --task shapes [--model pointnet|affine_mc|affine_fa] "
    "[--families rotz,rot,reflect,scale,affine] [--epsilon E] [--epochs N] [--seed S] "
    "[--device D] [--out DIR [--resume]] [--json]\n"
    "       equiscope-cli train classify --task shapes [--model pointnet|affine_mc|affine_fa] "
    "[--augment none|all|learned] [--epochs N] [--seed S] [--device D] [--out DIR] [--json]";

per::PerConfig configFrom(const Arguments& args) {
    per::PerConfig c = per::PerConfig::defaultsFor(args.get("task", "inertia"));
    c.model = args.get("model", c.model);
    per::constraintFor(c.model); // validates the name
    if (args.has("variant")) c.variant = args.get("variant");
    c.epsilon = args.number("epsilon", c.epsilon);
    c.setEpochs(static_cast<int>(args.integer("epochs", c.epochs, 1, 1000000)));
    c.adjustEpoch = static_cast<int>(args.integer("adjust-epoch", c.adjustEpoch, 1, 1000000));
    c.initialLambda = args.number("lambda", c.initialLambda);
    readCommon(args, c);
    if (readOutputs(args, c))
        c.checkpointEvery =
            static_cast<int>(args.integer("checkpoint-every", c.checkpointEvery, 0, 1000000));
    return c;
}

void printTable(const per::PerResult& r) {
    std::cout << r.config.model << " on " << r.config.task << " (" << r.config.variant << ", eps "
              << r.config.epsilon << "), " << r.log.size() << " epochs in "
              << formatDuration(r.seconds);
    if (r.config.model == "per")
        std::cout << ", strengths adjusted at epoch " << r.config.adjustEpoch;
    std::cout << "\n"
              << std::left << std::setw(12) << "group" << std::right << std::setw(12) << "level"
              << std::setw(12) << "normalized" << std::setw(13) << "R" << std::setw(14)
              << "model error" << std::setw(14) << "true error\n";
    for (std::size_t j = 0; j < r.groups.size(); ++j)
        std::cout << std::left << std::setw(12) << r.groups[j] << std::right << std::setprecision(4)
                  << std::setw(12) << r.levels[j] << std::setw(12) << r.normalizedLevels[j]
                  << std::scientific << std::setw(13) << r.regularizers[j] << std::setw(14)
                  << r.equivarianceError[j] << std::setw(14) << r.trueEquivarianceError[j]
                  << std::defaultfloat << "\n";
    std::cout << "test MSE " << r.testMse;
    if (r.testAde >= 0) std::cout << ", test ADE " << r.testAde;
    std::cout << " (model selected at epoch " << r.bestEpoch << ")\n";
}

void reportEgnn(const nbody::ForecastResult& r, const nbody::ForecastConfig& c,
                const Arguments& args) {
    const nlohmann::json j = nbody::forecastJson(r);
    if (args.has("out")) {
        const std::string text = j.dump(1);
        writeFileAtomically((std::filesystem::path(args.get("out")) / "result.json").string(),
                            [&](std::ostream& o) { o << text << "\n"; });
    }
    if (args.has("json")) {
        std::cout << j.dump() << "\n";
        return;
    }
    std::cout << "EGNN_vel on the charged n-body system (" << c.trajectories
              << " training trajectories, frame " << c.inputFrame << " -> " << c.targetFrame
              << "), " << r.training.rows.size() << " epochs in " << formatDuration(r.seconds)
              << "\n  test MSE " << r.testMse << " (best validation at epoch "
              << r.training.bestEpoch << "; the paper: 0.0071 after 10000 epochs)\n"
              << "  constant-velocity baseline MSE " << r.constantVelocityMse
              << "\n  E(3) equivariance error (float64) " << r.equivarianceError << "\n";
}

// equiscope-cli train egnn: EGNN_vel on the charged n-body system, frame 30 -> 40.
TrainRun egnnRun(const std::vector<std::string>& argv) {
    const Arguments args(std::vector<std::string>(argv.begin() + 1, argv.end()),
                         {"trajectories", "epochs", "seed", "device", "out", "batch", "lr"},
                         {"json", "resume"});
    nbody::ForecastConfig c;
    c.trajectories = static_cast<int>(args.integer("trajectories", c.trajectories, 1, 1000000));
    c.epochs = static_cast<int>(args.integer("epochs", c.epochs, 1, 1000000));
    c.batch = static_cast<int>(args.integer("batch", c.batch, 1, 100000));
    readCommon(args, c);
    readOutputs(args, c);
    return [args, c](Collective* ranks, const Progress& progress) mutable {
        c.collective = ranks;
        auto r = std::make_shared<nbody::ForecastResult>(nbody::trainForecast(c, progress));
        return [args, c, r] { reportEgnn(*r, c, args); };
    };
}

TrainRun perRun(const std::vector<std::string>& argv) {
    const Arguments args(std::vector<std::string>(argv.begin() + 1, argv.end()),
                         {"task", "model", "variant", "epsilon", "epochs", "seed", "device", "out",
                          "adjust-epoch", "lambda", "lr", "checkpoint-every"},
                         {"json", "resume"});
    per::PerConfig c = configFrom(args);
    return [args, c](Collective* ranks, const Progress& progress) mutable {
        c.collective = ranks;
        auto r = std::make_shared<per::PerResult>(per::trainPer(c, progress));
        return [args, r] {
            if (args.has("out")) per::savePerResult(*r, args.get("out"));
            if (args.has("json"))
                std::cout << per::perResultJson(*r).dump() << "\n";
            else
                printTable(*r);
        };
    };
}

} // namespace

int runTrain(const std::vector<std::string>& argv) {
    const std::string kind = argv.empty() ? "" : argv[0];
    if (kind == "egnn") return trainCommand("train", [&] { return egnnRun(argv); });
    if (kind == "per") return trainCommand("train", [&] { return perRun(argv); });
    if (kind == "apen") return trainCommand("train", [&] { return apenRun(argv); });
    if (kind == "augment") return trainCommand("train", [&] { return augmentRun(argv); });
    if (kind == "classify") return trainCommand("train", [&] { return classifyRun(argv); });
    return guarded("train", []() -> int { throw Error(kUsage); });
}

} // namespace equiscope::cli
