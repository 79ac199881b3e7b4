#include "TrainSupport.h"

#include "util/Error.h"

#include <filesystem>
#include <iostream>

namespace equiscope::cli {

std::optional<OutputFiles> outputFiles(const Arguments& args) {
    if (!args.has("out")) {
        if (args.has("resume") || args.has("checkpoint-every"))
            throw Error("--resume and --checkpoint-every need --out DIR (where the checkpoint is)");
        return std::nullopt;
    }
    const std::filesystem::path dir = args.get("out");
    std::filesystem::create_directories(dir);
    return OutputFiles{dir.string(), (dir / "curves.csv").string(), (dir / "log.json").string()};
}

Progress consoleProgress(int& lastTenth) {
    return Progress(
        [&lastTenth](double f, const std::string& m) {
            if (static_cast<int>(f * 10) == lastTenth) return;
            lastTenth = static_cast<int>(f * 10);
            std::cerr << "\r" << m << "        " << std::flush;
        },
        nullptr);
}

} // namespace equiscope::cli
