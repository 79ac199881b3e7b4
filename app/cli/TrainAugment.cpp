// equiscope-cli train augment and train classify: a classifier on the generated shapes
// task, with invariance-constrained augmentation (the learned levels) or a fixed choice,
// scored on the clean and the distorted test splits (issue 16).

#include "Commands.h"
#include "TrainSupport.h"
#include "augment/ShapeClassifier.h"
#include "models/ModelRegistry.h"
#include "train/TransformFamily.h"
#include "util/AtomicWrite.h"
#include "util/CheckedMath.h"
#include "util/Error.h"

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace equiscope::cli {

namespace {

std::vector<int> classList(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        char* end = nullptr;
        const auto v = wholeNumber(std::strtod(item.c_str(), &end), 0, 11);
        if (item.empty() || *end != '\0' || !v)
            throw Error("--classes: expected labels 0..11, got '" + item + "'");
        out.push_back(static_cast<int>(*v));
    }
    return out;
}

augment::ClassifyConfig configFrom(const Arguments& args, augment::AugmentMode mode) {
    if (args.get("task", "shapes") != "shapes")
        throw Error("--task: the only task is 'shapes' (the generated shape classes)");
    augment::ClassifyConfig c;
    c.augment = mode;
    c.model = args.get("model", c.model);
    if (args.has("families")) c.families = parseFamilyList(args.get("families"));
    if (args.has("classes")) c.classes = classList(args.get("classes"));
    c.epsilon = args.number("epsilon", c.epsilon);
    c.dualStep = args.number("dual-lr", c.dualStep);
    c.epochs = static_cast<int>(args.integer("epochs", c.epochs, 1, 1000000));
    c.batch = static_cast<int>(args.integer("batch", c.batch, 1, 4096));
    c.points = static_cast<int>(args.integer("points", c.points, 8, 512));
    c.mhSteps = static_cast<int>(args.integer("mh-steps", c.mhSteps, 0, 100));
    c.dualStart = static_cast<int>(args.integer("dual-start", c.dualStart, 0, 1000000));
    c.familySize = static_cast<int>(args.integer("family-size", c.familySize, 1, 100000));
    c.taskSeed = static_cast<uint64_t>(args.integer("task-seed", 1, 0, INT64_MAX));
    for (const std::string& o : args.all("model-option")) addOption(c.modelOptions, o);
    readCommon(args, c);
    readOutputs(args, c);
    return c;
}

// histogram.csv: per epoch, family and bin, how many sampled transformations fell there.
void writeHistograms(const augment::ClassifyResult& r, const std::string& path) {
    writeFileAtomically(path, [&](std::ostream& o) {
        o << "epoch,family,bin_low,bin_high,count\n";
        for (std::size_t e = 0; e < r.histograms.size(); ++e)
            for (std::size_t j = 0; j < r.config.families.size(); ++j) {
                const TransformFamily f = makeTransformFamily(r.config.families[j], 1, 0);
                const double width = (f.maxMagnitude - f.minMagnitude) / augment::kHistogramBins;
                for (int b = 0; b < augment::kHistogramBins; ++b)
                    o << e << ',' << f.name << ',' << f.minMagnitude + b * width << ','
                      << f.minMagnitude + (b + 1) * width << ','
                      << r.histograms[e][j][static_cast<std::size_t>(b)] << '\n';
            }
    });
}

void printResult(const augment::ClassifyResult& r) {
    const auto& c = r.config;
    std::cout << c.model << " on the shapes task (" << r.classNames.size() << " classes, "
              << c.points << " points), augment " << augment::augmentModeName(c.augment) << ", "
              << r.training.rows.size() << " epochs, " << std::setprecision(3) << r.secondsPerEpoch
              << " s per epoch\n";
    if (c.augment == augment::AugmentMode::Constrained) {
        std::cout << "learned invariance levels (dual variables; epsilon " << c.epsilon
                  << "): large = the labels fight that invariance\n";
        for (const auto& [family, level] : r.levels)
            std::cout << "  " << std::left << std::setw(9) << family << std::right << std::setw(10)
                      << level << "   acceptance " << r.acceptance.at(family) << "\n";
    }
    std::cout << "test accuracy " << r.testAccuracy << "; distorted:";
    for (const auto& [split, a] : r.distortedAccuracy) std::cout << " " << split << " " << a;
    std::cout << "\n";
}

TrainRun classifierRun(const std::vector<std::string>& argv, bool augmentCommand) {
    const Arguments args(std::vector<std::string>(argv.begin() + 1, argv.end()),
                         {"task", "model", "families", "classes", "epsilon", "dual-lr", "epochs",
                          "batch", "points", "mh-steps", "dual-start", "family-size", "task-seed",
                          "lr", "seed", "device", "out", "augment", "model-option"},
                         {"json", "resume"}, {"model-option"});
    if (augmentCommand && args.has("augment"))
        throw Error("train augment: --augment belongs to train classify");
    const augment::ClassifyConfig c =
        configFrom(args, augmentCommand ? augment::AugmentMode::Constrained
                                        : augment::parseAugmentMode(args.get("augment", "none")));
    return [args, c, augmentCommand](Collective* ranks, const Progress& progress) {
        if (ranks && ranks->distributed())
            throw Error("train augment and train classify run in one process");
        auto r = std::make_shared<augment::ClassifyResult>(augment::trainClassifier(c, progress));
        return [args, r, augmentCommand] {
            const nlohmann::json j =
                augmentCommand ? augment::augmentJson(*r) : augment::classifyJson(*r);
            if (args.has("out")) {
                const std::filesystem::path dir = args.get("out");
                nlohmann::json full = j;
                full["seconds_per_epoch"] = r->secondsPerEpoch;
                full["classes"] = r->classNames;
                const std::string text = full.dump(1);
                writeFileAtomically((dir / "result.json").string(),
                                    [&](std::ostream& o) { o << text << "\n"; });
                r->model->save((dir / "model.pt").string());
                if (!r->histograms.empty()) writeHistograms(*r, (dir / "histogram.csv").string());
            }
            if (args.has("json"))
                std::cout << j.dump() << "\n";
            else
                printResult(*r);
        };
    };
}

} // namespace

TrainRun augmentRun(const std::vector<std::string>& argv) {
    return classifierRun(argv, true);
}
TrainRun classifyRun(const std::vector<std::string>& argv) {
    return classifierRun(argv, false);
}

} // namespace equiscope::cli
