#include "PerResultFiles.h"

#include "PerModel.h"
#include "io/Writers.h"
#include "util/AtomicWrite.h"

#include <filesystem>

namespace equiscope::per {

nlohmann::json perResultJson(const PerResult& r) {
    nlohmann::json levels, normalized, regularizer, error, truth;
    for (std::size_t j = 0; j < r.groups.size(); ++j) {
        levels[r.groups[j]] = r.levels[j];
        normalized[r.groups[j]] = r.normalizedLevels[j];
        regularizer[r.groups[j]] = r.regularizers[j];
        error[r.groups[j]] = r.equivarianceError[j];
        truth[r.groups[j]] = r.trueEquivarianceError[j];
    }
    nlohmann::json j = {{"task", r.config.task},
                        {"variant", r.config.variant},
                        {"epsilon", r.config.epsilon},
                        {"seed", r.config.seed},
                        {"levels", levels},
                        {"levels_normalized", normalized},
                        {"regularizer", regularizer},
                        {"equivariance_error", error},
                        {"true_equivariance_error", truth},
                        {"test_mse", r.testMse}};
    if (r.testAde >= 0) j["test_ade"] = r.testAde;
    return j;
}

void savePerResult(const PerResult& r, const std::string& directory) {
    const std::filesystem::path dir = directory;
    std::filesystem::create_directories(dir);
    nlohmann::json j = perResultJson(r);
    j["model"] = r.config.model;
    j["epochs_run"] = r.log.size();
    j["best_epoch"] = r.bestEpoch;
    j["seconds"] = r.seconds;
    const std::string text = j.dump(1);
    writeFileAtomically((dir / "result.json").string(),
                        [&](std::ostream& o) { o << text << "\n"; });
    makePerModel(r.config.task, r.config.model, r.model)->save((dir / "model.pt").string());
    writeNpy((dir / "sample.npy").string(), taskSample(r.config.task, r.config.seed + 11));
}

} // namespace equiscope::per
