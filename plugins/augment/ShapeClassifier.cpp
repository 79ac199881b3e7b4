#include "augment/ShapeClassifier.h"

#include "BuiltinModels.h"
#include "augment/ClassifierTrainable.h"
#include "scene/Shapes.h"
#include "util/Error.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace equiscope::augment {

namespace {

std::vector<int> keptClasses(const ClassifyConfig& c) {
    std::vector<int> kept = c.classes;
    if (kept.empty()) {
        kept.resize(kShapeClasses);
        std::iota(kept.begin(), kept.end(), 0);
    }
    for (int label : kept)
        if (label < 0 || label >= kShapeClasses || std::count(kept.begin(), kept.end(), label) > 1)
            throw Error("train: the shape classes must be distinct labels 0.." +
                        std::to_string(kShapeClasses - 1));
    return kept;
}

// The samples of a split whose class is kept, each cut to a fixed random subset of
// `points` points, relabelled by their class's place in `kept`.
ShapeTensors shapeTensors(const std::string& split, const ClassifyConfig& c,
                          const std::vector<int>& kept, const torch::Device& device) {
    const Dataset d = makeShapesDataset(split, c.taskSeed);
    std::vector<torch::Tensor> rows;
    std::vector<int64_t> labels;
    for (std::size_t i = 0; i < d.samples.size(); ++i) {
        const auto at = std::find(kept.begin(), kept.end(), static_cast<int>(i) % kShapeClasses);
        if (at == kept.end()) continue;
        const Field& pos = d.samples[i].positions();
        std::vector<int64_t> subset(static_cast<std::size_t>(pos.rows()));
        std::iota(subset.begin(), subset.end(), 0);
        std::shuffle(subset.begin(), subset.end(), std::mt19937_64(c.seed * 31 + i));
        subset.resize(static_cast<std::size_t>(std::min<int64_t>(c.points, pos.rows())));
        const torch::Tensor all = torch::tensor(pos.values, torch::kFloat64).view({pos.rows(), 3});
        rows.push_back(all.index_select(0, torch::tensor(subset, torch::kInt64)));
        labels.push_back(at - kept.begin());
    }
    return {torch::stack(rows).to(torch::kFloat32).to(device),
            torch::tensor(labels, torch::kInt64).to(device)};
}

double accuracy(Model& model, const ShapeTensors& s) {
    torch::NoGradGuard noGrad;
    int64_t correct = 0;
    for (int64_t start = 0; start < s.pos.size(0); start += 64) {
        const torch::Tensor x = s.pos.slice(0, start, start + 64);
        const torch::Tensor feat = torch::zeros({x.size(0), x.size(1), 0}, x.options());
        correct += model.forward(x, feat, {})
                       .argmax(1)
                       .eq(s.labels.slice(0, start, start + 64))
                       .sum()
                       .item<int64_t>();
    }
    return static_cast<double>(correct) / static_cast<double>(s.pos.size(0));
}

std::shared_ptr<Model> createClassifier(const ClassifyConfig& c, int classCount) {
    ModelOptions o = c.modelOptions;
    if (c.model == "frame_averaging") { // see ClassifyConfig::model
        o.emplace("backbone", "pointnet");
        o.emplace("group", "SO3");
        o.emplace("neighbours", "8");
        o.emplace("hidden", "128");
    }
    o.emplace("width", std::to_string(classCount));
    o.emplace("seed", std::to_string(c.seed));
    std::shared_ptr<Model> model = builtinModels().create(c.model, o);
    if (model->spec().perNode || model->spec().outputWidth != classCount)
        throw Error("train: the model '" + c.model + "' must give one row of " +
                    std::to_string(classCount) + " logits per sample (option width)");
    return model;
}

TrainerOptions trainerOptions(const ClassifyConfig& c) {
    TrainerOptions o;
    o.epochs = c.epochs;
    o.patience = -1;
    o.checkpointDirectory = c.checkpointDirectory;
    o.checkpointEvery = 10;
    o.resume = c.resume;
    o.csvLog = c.csvLog;
    o.jsonLog = c.jsonLog;
    return o;
}

// The row of ClassifierTrainable::columns() by meaning.
ClassifierEpoch splitRow(const EpochRow& row, const ClassifyConfig& c,
                         const EpochHistograms& histograms) {
    ClassifierEpoch e;
    e.epoch = row.epoch;
    const std::vector<double>& v = row.values;
    e.trainLoss = v[0];
    e.cleanLoss = v[1];
    e.validationLoss = v[2];
    e.validationAccuracy = v[3];
    std::size_t at = 4;
    for (std::size_t j = 0; j < c.families.size(); ++j) {
        if (c.augment == AugmentMode::Constrained) {
            e.gamma.push_back(v[at++]);
            e.acceptance.push_back(v[at++]);
        }
        if (c.augment != AugmentMode::None) e.augmentedLoss.push_back(v[at++]);
    }
    if (c.augment == AugmentMode::Constrained && row.epoch < c.dualStart)
        e.augmentedLoss.clear(); // the warm-up: nothing was augmented
    e.histograms = histograms;
    return e;
}

} // namespace

AugmentMode parseAugmentMode(const std::string& name) {
    if (name == "none") return AugmentMode::None;
    if (name == "all") return AugmentMode::All;
    if (name == "learned") return AugmentMode::Constrained;
    throw Error("--augment: expected none, all or learned, got '" + name + "'");
}

std::string augmentModeName(AugmentMode mode) {
    return mode == AugmentMode::None ? "none" : mode == AugmentMode::All ? "all" : "learned";
}

const std::vector<std::string>& reportedDistortions() {
    static const std::vector<std::string> splits{"affine_c2", "affine_c4", "affine_c8", "rotation",
                                                 "reflection"};
    return splits;
}

ClassifyResult trainClassifier(const ClassifyConfig& c, const Progress& progress,
                               const ClassifierEpochCallback& onEpoch) {
    if (c.epochs < 1 || c.batch < 1 || c.points < 8 || c.familySize < 1 || c.mhSteps < 0)
        throw Error(
            "train: epochs, batch and family size must be >= 1, points >= 8, MH steps >= 0");
    if (!(c.epsilon >= 0) || !(c.dualStep >= 0))
        throw Error("train: epsilon and the dual step must be >= 0");
    const std::vector<int> kept = keptClasses(c);
    ClassifyResult r;
    r.config = c;
    for (int label : kept)
        r.classNames.push_back(shapeClassNames()[static_cast<std::size_t>(label)]);
    r.model = createClassifier(c, static_cast<int>(kept.size()));
    const DeviceKind device = parseDevice(c.device);
    r.model->setFloat64(false);
    r.model->setDevice(device);
    const torch::Device where = device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU;
    std::vector<TransformFamily> families;
    for (std::size_t j = 0; j < c.families.size(); ++j)
        families.push_back(makeTransformFamily(c.families[j], c.familySize, c.seed + j));
    progress.report(0, "generating the shapes");
    ClassifierTrainable trainable(c, *r.model, shapeTensors("train", c, kept, where),
                                  shapeTensors("val", c, kept, where), families);
    r.training = train(trainable, trainerOptions(c), progress, [&](const EpochRow& row) {
        if (onEpoch) onEpoch(splitRow(row, c, trainable.histograms().back()));
    });
    r.secondsPerEpoch = r.training.seconds / std::max<std::size_t>(1, r.training.rows.size());
    for (std::size_t j = 0; j < families.size(); ++j) {
        r.levels[families[j].name] = trainable.gamma()[j];
        r.acceptance[families[j].name] = trainable.acceptance()[j];
    }
    r.histograms = trainable.histograms();
    progress.report(1, "scoring the test splits");
    r.testAccuracy = accuracy(*r.model, shapeTensors("test", c, kept, where));
    for (const std::string& split : reportedDistortions())
        r.distortedAccuracy[split] = accuracy(*r.model, shapeTensors(split, c, kept, where));
    return r;
}

nlohmann::json augmentJson(const ClassifyResult& r) {
    return {{"task", "shapes"},
            {"model", r.config.model},
            {"seed", r.config.seed},
            {"epsilon", r.config.epsilon},
            {"levels", r.levels},
            {"acceptance", r.acceptance},
            {"test_accuracy", r.testAccuracy},
            {"test_accuracy_distorted", r.distortedAccuracy}};
}

nlohmann::json classifyJson(const ClassifyResult& r) {
    return {{"task", "shapes"},
            {"model", r.config.model},
            {"augment", augmentModeName(r.config.augment)},
            {"test_accuracy", r.testAccuracy},
            {"test_accuracy_distorted", r.distortedAccuracy}};
}

} // namespace equiscope::augment
