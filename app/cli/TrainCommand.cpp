// equiscope-cli train per: soft-equivariance training with learned symmetry levels.

#include "Arguments.h"
#include "Commands.h"
#include "PerModel.h"
#include "PerTraining.h"
#include "io/Writers.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

namespace {

nlohmann::json perJson(const per::PerResult& r) {
    nlohmann::json levels, normalized, regularizer, error, truth;
    for (std::size_t j = 0; j < r.groups.size(); ++j) {
        levels[r.groups[j]] = r.levels[j];
        normalized[r.groups[j]] = r.normalizedLevels[j];
        regularizer[r.groups[j]] = r.regularizers[j];
        error[r.groups[j]] = r.equivarianceError[j];
        truth[r.groups[j]] = r.trueEquivarianceError[j];
    }
    return {{"task", r.config.task},
            {"variant", r.config.variant.empty() ? (r.config.task == "inertia" ? "z" : "so3-scale")
                                                 : r.config.variant},
            {"epsilon", r.config.epsilon},
            {"seed", r.config.seed},
            {"levels", levels},
            {"levels_normalized", normalized},
            {"regularizer", regularizer},
            {"equivariance_error", error},
            {"true_equivariance_error", truth},
            {"test_mse", r.testMse}};
}

void writeCurves(const std::string& path, const per::PerResult& r) {
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "epoch,train_loss,validation_mse,learning_rate";
        for (const auto& g : r.groups) out << ",lambda_" << g;
        for (const auto& g : r.groups) out << ",R_" << g;
        out << "\n" << std::setprecision(10);
        for (const auto& e : r.log) {
            out << e.epoch << "," << e.trainLoss << "," << e.validationMse << "," << e.learningRate;
            for (double l : e.lambdas) out << "," << l;
            for (double v : e.regularizers) out << "," << v;
            out << "\n";
        }
    });
}

} // namespace

int runTrain(const std::vector<std::string>& argv) {
    return guarded("train", [&] {
        if (argv.empty() || argv[0] != "per")
            throw Error("usage: equiscope-cli train per --task inertia|cossim [--variant V] "
                        "[--epsilon E] [--epochs N] [--seed S] "
                        "[--device cpu] [--out DIR] [--json]");
        const Arguments args(std::vector<std::string>(argv.begin() + 1, argv.end()),
                             {"task", "variant", "epsilon", "epochs", "seed", "device", "out",
                              "adjust-epoch", "lambda", "lr"},
                             {"json"});
        per::PerConfig c = per::PerConfig::defaultsFor(args.get("task", "inertia"));
        if (args.has("variant")) c.variant = args.get("variant");
        c.epsilon = args.number("epsilon", c.epsilon);
        c.epochs = static_cast<int>(args.integer("epochs", c.epochs, 1, 1000000));
        c.adjustEpoch = static_cast<int>(
            args.integer("adjust-epoch", std::min(c.adjustEpoch, c.epochs / 2), 1, 1000000));
        c.initialLambda = args.number("lambda", c.initialLambda);
        c.learningRate = args.number("lr", c.learningRate);
        c.seed =
            static_cast<uint64_t>(args.integer("seed", static_cast<int64_t>(c.seed), 0, INT64_MAX));
        if (args.get("device", "cpu") != "cpu")
            throw Error("train per runs on the CPU for now (--device cpu)");
        const per::PerResult r = per::trainPer(c, Progress(
                                                      [](double f, const std::string& m) {
                                                          if (static_cast<int>(f * 1000) % 100 == 0)
                                                              std::cerr << "\r" << m << std::flush;
                                                      },
                                                      nullptr));
        std::cerr << "\n";
        const nlohmann::json out = perJson(r);
        if (args.has("out")) {
            const std::filesystem::path dir = args.get("out");
            std::filesystem::create_directories(dir);
            writeCurves((dir / "curves.csv").string(), r);
            const std::string text = out.dump(1);
            writeFileAtomically((dir / "result.json").string(),
                                [&](std::ostream& o) { o << text << "\n"; });
            // The trained model and one input, so `check --model per --load` can measure it.
            per::makePerModel(r.config.task, r.config.variant, r.model)
                ->save((dir / "model.pt").string());
            writeNpy((dir / "sample.npy").string(),
                     per::taskSample(r.config.task, r.config.seed + 11));
        }
        if (args.has("json")) {
            std::cout << out.dump() << "\n";
            return kExitOk;
        }
        std::cout << "PER on " << r.config.task << " (" << out["variant"].get<std::string>()
                  << ", eps " << r.config.epsilon << "), " << r.log.size()
                  << " epochs, strengths adjusted at epoch " << r.config.adjustEpoch << "\n"
                  << std::left << std::setw(12) << "group" << std::right << std::setw(12) << "level"
                  << std::setw(12) << "normalized" << std::setw(13) << "R" << std::setw(14)
                  << "model error" << std::setw(14) << "true error"
                  << "\n";
        for (std::size_t j = 0; j < r.groups.size(); ++j)
            std::cout << std::left << std::setw(12) << r.groups[j] << std::right
                      << std::setprecision(4) << std::setw(12) << r.levels[j] << std::setw(12)
                      << r.normalizedLevels[j] << std::scientific << std::setw(13)
                      << r.regularizers[j] << std::setw(14) << r.equivarianceError[j]
                      << std::setw(14) << r.trueEquivarianceError[j] << std::defaultfloat << "\n";
        std::cout << "test MSE " << r.testMse << " (model selected at epoch " << r.bestEpoch
                  << ")\n";
        return kExitOk;
    });
}

} // namespace equiscope::cli
