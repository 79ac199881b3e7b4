#pragma once
// What core/train's Trainer drives: one model with its data, optimizer and any schedule of
// its own (PER's strength update, for instance). Implementations live in plugins; this
// header is free of torch so that the trainer compiles without it.

#include <string>
#include <vector>

namespace equiscope {

class Trainable {
  public:
    virtual ~Trainable() = default;

    // Names of the values trainEpoch() returns, in order (the CSV columns after "epoch").
    virtual std::vector<std::string> columns() const = 0;
    // One pass over the training data at `epoch` (0-based) of `epochs`; returns one value
    // per column. Must depend only on the state and `epoch` (seed shuffles from it), so a
    // run resumed from a checkpoint continues exactly as the uninterrupted run would.
    virtual std::vector<double> trainEpoch(int epoch, int epochs) = 0;
    // Lower is better: the validation figure model selection and early stopping watch.
    virtual double selectionScore(const std::vector<double>& row) const = 0;

    virtual void rememberBest() = 0; // keep a copy of the current weights
    virtual void restoreBest() = 0;  // put the kept copy back (no-op when there is none)

    // Everything needed to continue: weights, optimizer moments, the kept best copy and any
    // schedule state, as files inside `directory`.
    virtual void saveState(const std::string& directory) const = 0;
    virtual void loadState(const std::string& directory) = 0;
};

} // namespace equiscope
