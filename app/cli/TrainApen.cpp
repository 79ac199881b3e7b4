// equiscope-cli train apen: APEN on synthetic multi-part scenes; held-out mIoU,
// uncertainty, piecewise error and their rank correlation (issue 7).

#include "BuiltinModels.h"
#include "Commands.h"
#include "TrainRanks.h"
#include "TrainSupport.h"
#include "apen/ApenTraining.h"
#include "util/AtomicWrite.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace equiscope::cli {

namespace {

// Per node of every test scene: what the correlation is computed from, and the
// uncertainty of every partition (0: the initial cells, L: the final prediction).
void writeScores(const apen::ApenResult& r, const std::string& path) {
    writeFileAtomically(path, [&](std::ostream& o) {
        o << "scene,node,uncertainty,entropy,piecewise_error,predicted_part";
        const std::size_t layers = r.test.empty() ? 0 : r.test.front().layerUncertainty.size();
        for (std::size_t l = 0; l < layers; ++l) o << ",uncertainty_partition_" << l;
        o << "\n";
        for (std::size_t s = 0; s < r.test.size(); ++s) {
            const apen::SceneScores& t = r.test[s];
            for (std::size_t i = 0; i < t.error.size(); ++i) {
                o << s << ',' << i << ',' << t.uncertainty[i] << ',' << t.entropy[i] << ','
                  << t.error[i] << ',' << t.predicted[i];
                for (const auto& layer : t.layerUncertainty) o << ',' << layer[i];
                o << '\n';
            }
        }
    });
}

} // namespace

namespace {

void reportApen(const apen::ApenResult& r, const apen::ApenTrainConfig& c, const Model& model,
                const Arguments& args) {
    const nlohmann::json j = apen::apenJson(r);
    if (args.has("out")) {
        const std::filesystem::path dir = args.get("out");
        nlohmann::json full = j;
        full["epochs"] = static_cast<int>(r.training.rows.size());
        full["best_epoch"] = r.training.bestEpoch;
        full["seconds"] = r.seconds;
        full["mixed_fraction_per_partition"] = r.mixed;
        const std::string text = full.dump(1);
        writeFileAtomically((dir / "result.json").string(),
                            [&](std::ostream& o) { o << text << "\n"; });
        model.save((dir / "model.pt").string());
        writeScores(r, (dir / "scores.csv").string());
    }
    if (args.has("json")) {
        std::cout << j.dump() << "\n";
        return;
    }
    std::cout << "APEN on " << c.scenes << " synthetic scenes (" << c.scene.parts << " objects of "
              << c.scene.pointsPerPart << " points), " << r.training.rows.size() << " epochs in "
              << formatDuration(r.seconds) << "; " << c.heldOut << " held-out scenes:\n"
              << "  mIoU of the predicted partition   " << r.miou << "\n"
              << "  mean uncertainty Σ(1 - max p)     " << r.meanUncertainty << "\n"
              << "  piecewise E(3) error (true parts) " << r.piecewiseError << "\n"
              << "  Spearman(uncertainty, error)      " << r.spearman << "\n"
              << "  nodes in parts that mix objects, per partition (cells, layers 2.., final):";
    for (double m : r.mixed) std::cout << " " << m;
    std::cout << "\n";
}

} // namespace

TrainRun apenRun(const std::vector<std::string>& argv) {
    const Arguments args(std::vector<std::string>(argv.begin() + 1, argv.end()),
                         {"scenes", "held-out", "epochs", "seed", "objects", "points", "noise",
                          "lr", "device", "out", "batch"},
                         {"json", "resume", "contact"}, {"model-option"});
    apen::ApenTrainConfig c;
    c.scenes = static_cast<int>(args.integer("scenes", c.scenes, 1, 100000));
    c.heldOut = static_cast<int>(args.integer("held-out", c.heldOut, 1, 10000));
    c.epochs = static_cast<int>(args.integer("epochs", c.epochs, 1, 1000000));
    c.batch = static_cast<int>(args.integer("batch", c.batch, 1, 100000));
    c.scene.parts = static_cast<int>(args.integer("objects", c.scene.parts, 1, 64));
    c.scene.pointsPerPart = args.integer("points", c.scene.pointsPerPart, 4, 1000000);
    c.scene.noise = args.number("noise", c.scene.noise);
    c.scene.contact = args.has("contact");
    for (const std::string& o : args.all("model-option")) addOption(c.model, o);
    readCommon(args, c);
    readOutputs(args, c);
    // Options checked (and defaults filled) by the registry before any training.
    std::shared_ptr<Model> model = builtinModels().create("apen", c.model);
    return [args, c, model](Collective* ranks, const Progress& progress) mutable {
        c.collective = ranks;
        auto r = std::make_shared<apen::ApenResult>(
            apen::trainApen(c, progress, dynamic_cast<apen::ApenModel*>(model.get())));
        return [args, c, model, r] { reportApen(*r, c, *model, args); };
    };
}

} // namespace equiscope::cli
