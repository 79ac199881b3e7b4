#pragma once
// The training loop every trainable model shares: epochs with progress (epoch, loss, ETA),
// cooperative pause and cancellation, model selection on the validation score with early
// stopping (methods.md section 1(b): selection starts at a given epoch, patience 50),
// checkpoints that a later run resumes from, and CSV / JSON logs.

#include "train/Collective.h"
#include "train/Trainable.h"
#include "util/Progress.h"

#include <functional>
#include <string>
#include <vector>

namespace equiscope {

struct TrainerOptions {
    int epochs = 100;
    int selectionStart = 0;          // model selection and early stopping start at this epoch
    int patience = 50;               // epochs without a better score before stopping; < 0: never
    std::string checkpointDirectory; // empty: no checkpoints
    int checkpointEvery = 0;         // epochs between checkpoints (0: only when the run ends)
    bool resume = false;             // continue from checkpointDirectory's checkpoint
    std::string csvLog, jsonLog;     // empty: not written
    // The ranks of a data-parallel run (null: one process). Rank 0 alone writes checkpoints
    // and logs; every rank reads a checkpoint to resume.
    Collective* collective = nullptr;
};

struct EpochRow {
    int epoch = 0;
    std::vector<double> values; // one per Trainable::columns()
};

struct TrainingSummary {
    std::vector<std::string> columns;
    std::vector<EpochRow> rows; // every epoch run, resumed ones included
    int bestEpoch = -1;
    double bestScore = 0;
    bool stoppedEarly = false;
    int resumedAt = -1; // first epoch of this run when it resumed, else -1
    double seconds = 0; // wall time of this run (not of the resumed part)
};

// Runs `trainable` for options.epochs epochs. `onEpoch` sees every new row. A cancelled
// `progress` writes a checkpoint (when a directory is set) and throws Cancelled.
// The checkpoint is written atomically: the directory always holds a complete one.
TrainingSummary train(Trainable& trainable, const TrainerOptions& options,
                      const Progress& progress = {},
                      const std::function<void(const EpochRow&)>& onEpoch = {});

// "12 s", "3 min 5 s", "1 h 2 min".
std::string formatDuration(double seconds);

} // namespace equiscope
