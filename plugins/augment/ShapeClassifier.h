#pragma once
// Training a built-in classifier on the generated shapes task (issue 16) through
// core/train, with no augmentation, with every family's transformations drawn uniformly,
// or with invariance-constrained augmentation (methods.md 7.1): per family a constraint
// "augmented loss <= epsilon", an independent Metropolis-Hastings sampler over the family
// targeting the loss, and a dual variable gamma whose final value is the family's learned
// invariance level (large: the labels fight that invariance). Then the accuracy on the
// clean and the distorted test splits.

#include "models/Model.h"
#include "train/Trainer.h"
#include "util/Progress.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace equiscope::augment {

enum class AugmentMode { None, All, Constrained };

// "none", "all", "learned" (the constrained method) -> the mode; throws Error otherwise.
AugmentMode parseAugmentMode(const std::string& name);
std::string augmentModeName(AugmentMode mode);

struct ClassifyConfig {
    // Any built-in with one row of logits per sample. The default, frame_averaging, is taken
    // as PointNet with edge features (neighbours=8, hidden=128) over the 4 proper PCA frames:
    // exactly rotation-invariant, able to tell the helices' handedness apart.
    std::string model = "frame_averaging";
    ModelOptions modelOptions; // its options; width defaults to the class count
    AugmentMode augment = AugmentMode::Constrained;
    // scale and affine fight the labels too, but their large losses, trained together with
    // the others, lift the clean loss over epsilon and every level with it (README).
    std::vector<std::string> families{"rotz", "rot", "reflect"};
    std::vector<int> classes; // shape labels to keep (empty: all 12), relabelled 0..C-1
    double epsilon = 0.3;     // the constraint level of every family's augmented loss
    double dualStep = 0.01;   // eta_d of the dual ascent, per optimiser step
    int mhSteps = 2;          // Metropolis-Hastings proposals per sample and family
    // Epochs of clean training before the constraints start (the dual variables held at 0
    // and no augmentation), so that they judge a model that fits the clean data; methods.md
    // 7.1 starts at once (0).
    int dualStart = 30;
    int familySize = 64; // transformations per family (a finite set, seeded)
    int epochs = 36;
    int batch = 16;
    int points = 128; // a fixed random subset of each sample's 512 points
    double learningRate = 5e-3;
    uint64_t seed = 0;     // weights, shuffles, samplers and the families' elements
    uint64_t taskSeed = 1; // the shapes task's seed (shapes:SPLIT:SEED)
    std::string device = "cpu";
    std::string checkpointDirectory, csvLog, jsonLog;
    bool resume = false;
};

// Per epoch and family: the sampled transformations' magnitudes in kHistogramBins bins
// over the family's range (TransformFamily::minMagnitude .. maxMagnitude).
inline constexpr int kHistogramBins = 12;
using EpochHistograms = std::vector<std::vector<int64_t>>; // [family][bin]

// One epoch as the app's charts take it (the Trainer's row, split by meaning).
struct ClassifierEpoch {
    int epoch = 0;
    double trainLoss = 0, cleanLoss = 0, validationLoss = 0, validationAccuracy = 0;
    // Per family; empty when unused (augmentedLoss also during the warm-up).
    std::vector<double> gamma, acceptance, augmentedLoss;
    EpochHistograms histograms;
};
using ClassifierEpochCallback = std::function<void(const ClassifierEpoch&)>;

struct ClassifyResult {
    ClassifyConfig config;
    std::shared_ptr<Model> model; // trained (the best validation epoch's weights)
    std::vector<std::string> classNames;
    std::map<std::string, double> levels, acceptance; // per family, at the last epoch
    double testAccuracy = 0;
    std::map<std::string, double> distortedAccuracy; // per distorted test split
    TrainingSummary training;
    std::vector<EpochHistograms> histograms; // per epoch (constrained mode)
    double secondsPerEpoch = 0;
};

// The distorted splits whose accuracies are reported: affine_c2, affine_c4, affine_c8,
// rotation and reflection.
const std::vector<std::string>& reportedDistortions();

// Trains a fresh model (options checked, defaults filled). `onEpoch` sees every epoch.
ClassifyResult trainClassifier(const ClassifyConfig& config, const Progress& progress = {},
                               const ClassifierEpochCallback& onEpoch = {});

// Exactly {"task", "model", "seed", "epsilon", "levels", "acceptance", "test_accuracy",
// "test_accuracy_distorted"} (train augment) and {"task", "model", "augment",
// "test_accuracy", "test_accuracy_distorted"} (train classify).
nlohmann::json augmentJson(const ClassifyResult& result);
nlohmann::json classifyJson(const ClassifyResult& result);

} // namespace equiscope::augment
