#include "TrainRanks.h"

#include "Commands.h"
#include "MpiLaunch.h"
#include "TrainSupport.h"
#include "util/Error.h"

#include <iostream>

#ifdef EQUISCOPE_WITH_MPI
#include "MpiCollective.h"
#include "MpiWorld.h"
#endif

namespace equiscope::cli {

namespace {

#ifdef EQUISCOPE_WITH_MPI
int trainAcrossRanks(const char* command, const std::function<TrainRun()>& prepare) {
    const MpiWorld world;
    MpiCollective ranks;
    TrainRun run;
    std::string error;
    try {
        run = prepare();
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!world.allOk(error.empty(), error, command)) return kExitBadInput;
    try {
        int lastTenth = -1;
        const auto report =
            run(&ranks, world.rank() == 0 ? consoleProgress(lastTenth) : Progress{});
        if (world.rank() != 0) return kExitOk;
        std::cerr << "\n"
                  << command << ": " << world.size() << " ranks, " << world.threads()
                  << " threads each\n";
        report();
    } catch (const std::exception& e) {
        world.abort(e.what(), command); // the other ranks wait in a collective
    }
    return kExitOk;
}
#endif

} // namespace

int trainCommand(const char* command, const std::function<TrainRun()>& prepare) {
    if (launchedRanks() > 1) {
#ifdef EQUISCOPE_WITH_MPI
        return trainAcrossRanks(command, prepare);
#else
        return guarded(command, []() -> int {
            throw Error("started as one of " + std::to_string(launchedRanks()) +
                        " MPI ranks, but this equiscope-cli was built without MPI "
                        "(EQUISCOPE_MPI=OFF); run it as one process");
        });
#endif
    }
    return guarded(command, [&] {
        const TrainRun run = prepare();
        int lastTenth = -1;
        const auto report = run(nullptr, consoleProgress(lastTenth));
        std::cerr << "\n";
        report();
        return kExitOk;
    });
}

} // namespace equiscope::cli
