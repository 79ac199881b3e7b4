#pragma once
// EGNN forecasting on the charged n-body system (methods.md section 8.1): EGNN_vel (the
// velocity variant: node feature |v|, edge attributes [q_i q_j, |x_i - x_j|^2] at the input
// frame, a velocity term phi_v(h_i) v_i added to every coordinate update, fully connected
// graphs), trained through core/train to predict positions 1000 steps (10 stored frames)
// ahead, frame 30 -> frame 40.

#include "train/Trainer.h"
#include "util/Progress.h"

#include <nlohmann/json.hpp>
#include <string>

namespace equiscope::nbody {

struct ForecastConfig {
    int trajectories = 3000, validation = 500, test = 500; // the paper: 3000 / 2000 / 2000
    int epochs = 100, batch = 100, hidden = 64, layers = 4;
    double learningRate = 5e-4, weightDecay = 1e-12;
    int inputFrame = 30, targetFrame = 40;
    uint64_t seed = 43;
    std::string device = "cpu";
    std::string checkpointDirectory, csvLog, jsonLog;
    bool resume = false;
    // Data-parallel over these ranks (null: one process; core/train/DataParallel.h).
    Collective* collective = nullptr;
};

struct ForecastResult {
    ForecastConfig config;
    double testMse = 0;             // positions at the target frame
    double constantVelocityMse = 0; // baseline: x + (target - input) * 100 dt * v
    double equivarianceError = 0;   // rel(f(g.x, R v), g.f(x, v)), random E(3) g, float64
    double seconds = 0;
    TrainingSummary training;
};

ForecastResult trainForecast(const ForecastConfig& config, const Progress& progress = {});

nlohmann::json forecastJson(const ForecastResult& result);

} // namespace equiscope::nbody
