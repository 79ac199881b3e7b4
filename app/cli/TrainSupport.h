#pragma once
// What the train subcommands share: --out DIR's files, the common options, and progress on
// stderr (one line, rewritten at every tenth).

#include "Arguments.h"
#include "TrainRanks.h"
#include "util/Progress.h"

#include <optional>
#include <string>
#include <vector>

namespace equiscope::cli {

// --out DIR: where a run keeps its checkpoint, curves.csv and log.json (created).
struct OutputFiles {
    std::string checkpoint, csv, json;
};
std::optional<OutputFiles> outputFiles(const Arguments& args);

// --out DIR and --resume into any trainer's config; false without --out.
template <typename Config> bool readOutputs(const Arguments& args, Config& c) {
    const auto out = outputFiles(args);
    if (!out) return false;
    c.checkpointDirectory = out->checkpoint;
    c.csvLog = out->csv;
    c.jsonLog = out->json;
    c.resume = args.has("resume");
    return true;
}

// --lr, --seed and --device into any trainer's config.
template <typename Config> void readCommon(const Arguments& args, Config& c) {
    c.learningRate = args.number("lr", c.learningRate);
    c.seed =
        static_cast<uint64_t>(args.integer("seed", static_cast<int64_t>(c.seed), 0, INT64_MAX));
    c.device = args.get("device", c.device);
}

// Reports on stderr each time the fraction passes a tenth; `lastTenth` is the caller's state.
Progress consoleProgress(int& lastTenth);

// equiscope-cli train apen (TrainApen.cpp); argv[0] is "apen".
TrainRun apenRun(const std::vector<std::string>& argv);

// equiscope-cli train augment / train classify (TrainAugment.cpp); argv[0] is the kind.
TrainRun augmentRun(const std::vector<std::string>& argv);
TrainRun classifyRun(const std::vector<std::string>& argv);

} // namespace equiscope::cli
