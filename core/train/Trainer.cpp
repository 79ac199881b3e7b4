#include "train/Trainer.h"

#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

namespace equiscope {

namespace fs = std::filesystem;

namespace {

struct LoopState {
    int nextEpoch = 0, bestEpoch = -1, sinceBest = 0;
    double bestScore = INFINITY;
    bool stoppedEarly = false;
};

// checkpoint/ holds the complete latest checkpoint; it is written as checkpoint.partial/ and
// swapped in, so an interrupted write leaves the previous one (kept as checkpoint.old/).
fs::path checkpointPath(const std::string& directory) {
    return fs::path(directory) / "checkpoint";
}

void writeCheckpoint(const Trainable& trainable, const TrainerOptions& options,
                     const LoopState& state, const TrainingSummary& summary) {
    const fs::path final = checkpointPath(options.checkpointDirectory);
    const fs::path partial = final.string() + ".partial", old = final.string() + ".old";
    fs::remove_all(partial);
    fs::create_directories(partial);
    trainable.saveState(partial.string());
    nlohmann::json rows = nlohmann::json::array();
    for (const EpochRow& r : summary.rows)
        rows.push_back({{"epoch", r.epoch}, {"values", r.values}});
    const nlohmann::json j = {{"next_epoch", state.nextEpoch},
                              {"best_epoch", state.bestEpoch},
                              {"best_score", std::isfinite(state.bestScore)
                                                 ? nlohmann::json(state.bestScore)
                                                 : nlohmann::json(nullptr)},
                              {"since_best", state.sinceBest},
                              {"stopped_early", state.stoppedEarly},
                              {"columns", summary.columns},
                              {"rows", rows}};
    writeFileAtomically((partial / "trainer.json").string(),
                        [&](std::ostream& out) { out << j.dump() << "\n"; });
    fs::remove_all(old);
    if (fs::exists(final)) fs::rename(final, old);
    fs::rename(partial, final);
    fs::remove_all(old);
}

void readCheckpoint(Trainable& trainable, const TrainerOptions& options, LoopState& state,
                    TrainingSummary& summary) {
    fs::path dir = checkpointPath(options.checkpointDirectory);
    if (!fs::exists(dir / "trainer.json") && fs::exists(dir.string() + ".old"))
        dir = dir.string() + ".old";
    const fs::path file = dir / "trainer.json";
    std::ifstream in(file);
    if (!in) throw Error(file.string() + ": no checkpoint to resume from");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
        if (j.at("columns").get<std::vector<std::string>>() != summary.columns)
            throw Error(file.string() + ": the checkpoint's columns differ from this model's");
        state.nextEpoch = j.at("next_epoch").get<int>();
        state.bestEpoch = j.at("best_epoch").get<int>();
        state.bestScore =
            j.at("best_score").is_null() ? INFINITY : j.at("best_score").get<double>();
        state.sinceBest = j.at("since_best").get<int>();
        state.stoppedEarly = j.at("stopped_early").get<bool>();
        for (const auto& r : j.at("rows"))
            summary.rows.push_back(
                {r.at("epoch").get<int>(), r.at("values").get<std::vector<double>>()});
    } catch (const nlohmann::json::exception& e) {
        throw Error(file.string() + ": not a checkpoint this version wrote (" + e.what() + ")");
    }
    trainable.loadState(dir.string());
}

void writeCsv(const std::string& path, const TrainingSummary& s) {
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "epoch";
        for (const auto& c : s.columns) out << "," << c;
        out << "\n" << std::setprecision(10);
        for (const EpochRow& r : s.rows) {
            out << r.epoch;
            for (double v : r.values) out << "," << v;
            out << "\n";
        }
    });
}

void writeJson(const std::string& path, const TrainingSummary& s) {
    nlohmann::json rows = nlohmann::json::array();
    for (const EpochRow& r : s.rows) {
        nlohmann::json row = {{"epoch", r.epoch}};
        for (std::size_t c = 0; c < s.columns.size(); ++c) row[s.columns[c]] = r.values[c];
        rows.push_back(row);
    }
    const nlohmann::json j = {
        {"best_epoch", s.bestEpoch}, {"best_score", s.bestScore}, {"stopped_early", s.stoppedEarly},
        {"resumed_at", s.resumedAt}, {"seconds", s.seconds},      {"epochs", rows}};
    writeFileAtomically(path, [&](std::ostream& out) { out << j.dump(1) << "\n"; });
}

} // namespace

std::string formatDuration(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    std::ostringstream out;
    if (s >= 3600)
        out << s / 3600 << " h " << (s % 3600) / 60 << " min";
    else if (s >= 60)
        out << s / 60 << " min " << s % 60 << " s";
    else
        out << s << " s";
    return out.str();
}

TrainingSummary train(Trainable& trainable, const TrainerOptions& options, const Progress& progress,
                      const std::function<void(const EpochRow&)>& onEpoch) {
    if (options.epochs < 1) throw Error("training needs at least one epoch");
    if (options.resume && options.checkpointDirectory.empty())
        throw Error("resume needs a checkpoint directory");
    Collective& ranks = options.collective ? *options.collective : singleProcess();
    const bool checkpoints = !options.checkpointDirectory.empty() && ranks.root();
    TrainingSummary summary;
    summary.columns = trainable.columns();
    LoopState state;
    if (options.resume) {
        readCheckpoint(trainable, options, state, summary);
        summary.resumedAt = state.nextEpoch;
    }
    const auto start = std::chrono::steady_clock::now();
    auto finish = [&] {
        summary.bestEpoch = state.bestEpoch;
        summary.bestScore = state.bestScore;
        summary.stoppedEarly = state.stoppedEarly;
        summary.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (checkpoints) writeCheckpoint(trainable, options, state, summary);
    };
    const int first = state.nextEpoch;
    try {
        for (int epoch = first; epoch < options.epochs && !state.stoppedEarly; ++epoch) {
            progress.waitWhilePaused();
            EpochRow row{epoch, trainable.trainEpoch(epoch, options.epochs)};
            if (row.values.size() != summary.columns.size())
                throw Error("trainer: an epoch returned " + std::to_string(row.values.size()) +
                            " values for " + std::to_string(summary.columns.size()) + " columns");
            // Every rank selects and stops on rank 0's figures, so that none leaves early.
            ranks.broadcastFromRoot(row.values.data(), row.values.size());
            summary.rows.push_back(row);
            state.nextEpoch = epoch + 1;
            if (onEpoch) onEpoch(row);
            if (epoch >= options.selectionStart) {
                const double score = trainable.selectionScore(row.values);
                if (score < state.bestScore) {
                    state.bestScore = score;
                    state.bestEpoch = epoch;
                    state.sinceBest = 0;
                    trainable.rememberBest();
                } else if (options.patience >= 0 && ++state.sinceBest > options.patience) {
                    state.stoppedEarly = true;
                }
            }
            if (checkpoints && options.checkpointEvery > 0 &&
                (epoch + 1) % options.checkpointEvery == 0)
                writeCheckpoint(trainable, options, state, summary);
            const double elapsed =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double eta = elapsed / (epoch + 1 - first) * (options.epochs - epoch - 1);
            std::ostringstream message;
            message << "epoch " << epoch + 1 << "/" << options.epochs << ", "
                    << summary.columns.front() << " " << std::setprecision(4) << row.values.front()
                    << ", ETA " << formatDuration(eta);
            progress.report(static_cast<double>(epoch + 1) / options.epochs, message.str());
        }
    } catch (const Cancelled&) {
        finish();
        throw;
    }
    finish();
    if (state.bestEpoch >= 0) trainable.restoreBest();
    if (ranks.root() && !options.csvLog.empty()) writeCsv(options.csvLog, summary);
    if (ranks.root() && !options.jsonLog.empty()) writeJson(options.jsonLog, summary);
    return summary;
}

} // namespace equiscope
