#pragma once
// Training with PER (methods.md section 1(c)): MSE + sum_j lambda_j R_j + weight decay, Adam
// with a cosine learning rate, the one-shot strength update at E_adj, model selection by
// validation MSE from 2 E_adj on with early stopping (patience 50). The learned level of
// group j is the final lambda_j (and lambda_j / max lambda).

#include "SoftEquivariantMlp.h"
#include "util/Progress.h"

#include <functional>
#include <string>
#include <vector>

namespace equiscope::per {

struct PerConfig {
    std::string task = "inertia", variant; // variant: inertia's axis, cossim's variant
    double epsilon = 0.3;
    int epochs = 1200, adjustEpoch = 500, patience = 50;
    double exponent = 2, initialLambda = 1, learningRate = 3e-3, weightDecay = 2e-4;
    int batch = 500, trainSamples = 1000, validationSamples = 1000, testSamples = 1000;
    uint64_t seed = 2022;
    MlpShape shape;

    static PerConfig
    defaultsFor(const std::string& task); // tuned for 2 CPU cores (PerTraining.cpp)
};

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
    int bestEpoch = -1;
    std::vector<EpochLog> log;
    std::shared_ptr<SoftEquivariantMlpImpl> model; // the selected weights
};

// `onEpoch` (optional) sees every epoch's log as it is written; a cancelled `progress`
// throws Cancelled.
PerResult trainPer(const PerConfig& config, const Progress& progress = {},
                   const std::function<void(const EpochLog&)>& onEpoch = {});

} // namespace equiscope::per
