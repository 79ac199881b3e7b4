#pragma once
// Training with PER (methods.md section 1(c)) through core/train's Trainer: MSE + sum_j
// lambda_j R_j + weight decay, Adam with a cosine learning rate, the one-shot strength update
// at E_adj, model selection by validation MSE from 2 E_adj on with early stopping (patience
// 50), checkpoints and resume. The learned level of group j is the final lambda_j (and
// lambda_j / max lambda). The baselines train the same network without strengths: a plain
// MLP, RPP's residual pathway and EMLP's hard constraint (SoftEquivariantMlp.h).

#include "SoftEquivariantMlp.h"
#include "train/Trainer.h"
#include "util/Progress.h"

#include <functional>
#include <string>
#include <vector>

namespace equiscope::per {

struct PerConfig {
    std::string task = "inertia", variant; // variant: inertia's / motion's axis, cossim's variant
    std::string model = "per";             // per | mlp | rpp | emlp
    double epsilon = 0.3;
    int epochs = 1200, adjustEpoch = 500, patience = 50;
    double exponent = 2, initialLambda = 1, learningRate = 3e-3, weightDecay = 2e-4;
    double residualDecay = 1e-2; // rpp: the L2 coefficient of the free pathway
    int batch = 500, trainSamples = 1000, validationSamples = 1000, testSamples = 1000;
    uint64_t seed = 2022;
    std::string device = "cpu"; // cpu | cuda | auto
    MlpShape shape;
    std::string checkpointDirectory; // empty: no checkpoints
    int checkpointEvery = 100;
    bool resume = false;
    std::string csvLog, jsonLog; // per-epoch logs (empty: not written)
    // Data-parallel over these ranks (null: one process): each takes its share of every
    // batch and the gradients are summed (core/train/DataParallel.h).
    Collective* collective = nullptr;

    static PerConfig
    defaultsFor(const std::string& task); // tuned for 2 CPU cores (PerTraining.cpp)
    // Sets the epochs and moves E_adj to the defaults' proportion (5/12) when it no longer
    // fits; the CLI and the Training tab both use this, so equal inputs train equally.
    void setEpochs(int epochs);
};

class Task;

// The network of `c.model` for a task, its weights seeded by c.seed.
SoftEquivariantMlp makePerNetwork(const PerConfig& c, const Task& task);

// per | mlp | rpp | emlp (throws Error for anything else).
Constraint constraintFor(const std::string& model);
const std::vector<std::string>& perModelKinds();

struct EpochLog {
    int epoch = 0;
    double trainLoss = 0, validationMse = 0, learningRate = 0;
    std::vector<double> lambdas, regularizers;
};

struct PerResult {
    PerConfig config;
    std::vector<std::string> groups;
    std::vector<double> levels, normalizedLevels, regularizers, equivarianceError,
        trueEquivarianceError;
    double testMse = 0;
    double testAde = -1; // forecasting tasks only
    int bestEpoch = -1;
    double seconds = 0; // training time of this run
    TrainingSummary training;
    std::vector<EpochLog> log;
    std::shared_ptr<SoftEquivariantMlpImpl> model; // the selected weights, on the CPU
};

// `onEpoch` (optional) sees every epoch's log as it is written; a cancelled `progress`
// throws Cancelled (after writing a checkpoint when a directory is set); a paused one waits.
PerResult trainPer(const PerConfig& config, const Progress& progress = {},
                   const std::function<void(const EpochLog&)>& onEpoch = {});

} // namespace equiscope::per
