#pragma once
// Training APEN on synthetic multi-part scenes through core/train (loss: the L1 distance of
// every layer's votes to the true part centres, methods.md 2(c) loss_A), and the held-out
// figures issue 7 asks for: mIoU of the predicted partition, per-node uncertainty, the
// piecewise equivariance error under independent E(3) elements per true part, and their
// rank correlation.

#include "ApenModel.h"
#include "scene/MultiPartScene.h"
#include "train/Trainer.h"
#include "util/Progress.h"

#include <nlohmann/json.hpp>

namespace equiscope::apen {

struct ApenTrainConfig {
    int scenes = 48; // training scenes
    int heldOut = 8; // validation scenes, and as many test scenes
    int epochs = 30;
    uint64_t seed = 0;
    MultiPartConfig scene{4, 256, 0.02, false, 0.4};
    ModelOptions model; // apen's options (defaults filled in)
    double learningRate = 2e-3;
    int elementSets = 4; // PiecewiseE3 element sets per test scene
    std::string device = "cpu";
    std::string checkpointDirectory, csvLog, jsonLog;
    bool resume = false;
    int batch = 1; // scenes per optimiser step (their losses averaged)
    // Data-parallel over these ranks (null: one process): each takes its share of every
    // batch of scenes (core/train/DataParallel.h).
    Collective* collective = nullptr;
};

// One scene's per-node figures.
struct SceneScores {
    // 1 - max_j Q_ij per partition: [0] the initial cells, [l] the one layer l used, [L]
    // the final prediction.
    std::vector<std::vector<double>> layerUncertainty;
    // Summed over the predicted partitions the layers used (l = 1..L-1): 1 - max_j Q_ij,
    // and the entropy of Q's row (nats).
    std::vector<double> uncertainty, entropy;
    std::vector<double> error;      // piecewise E(3) error over the true parts
    std::vector<int64_t> predicted; // the final hard partition
    std::vector<double> mixed;      // per partition: mixedFraction against the truth
    double miou = 0;
};

struct ApenResult {
    ApenTrainConfig config;
    double miou = 0, meanUncertainty = 0, piecewiseError = 0, spearman = 0;
    std::vector<SceneScores> test;
    std::vector<double> mixed; // per partition, mean over the test scenes
    TrainingSummary training;
    double seconds = 0;
};

// The scene of `index` in a split: 0 training, 1 validation, 2 test (disjoint seeds).
Sample apenScene(const ApenTrainConfig& config, int split, int index);

// Trains a fresh model built from config.model (or continues `model` when given) and
// scores the test scenes.
ApenResult trainApen(const ApenTrainConfig& config, const Progress& progress = {},
                     ApenModel* model = nullptr);

// Per-node uncertainty and piecewise error of `model` on one scene with ground-truth parts.
SceneScores scoreScene(ApenModel& model, const Sample& scene, int elementSets, uint64_t seed);

// Exactly {"miou", "mean_uncertainty", "piecewise_error", "spearman_uncertainty_error",
// "scenes", "seed"} (issue 7).
nlohmann::json apenJson(const ApenResult& result);

} // namespace equiscope::apen
