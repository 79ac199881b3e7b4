// equiscope-cli info MODEL.pt [--json]: a user's TorchScript model, its spec, and one
// forward on a small built-in cloud, so that a broken model is found before it is used.

#include "BuiltinModels.h"
#include "Commands.h"
#include "io/LoadDataset.h"
#include "metrics/Equivariance.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace equiscope::cli {

namespace {

constexpr const char* kProbeData = "demo:sphere";

// The shape of f(x) on the probe cloud; empty when the model needs edges it does not have.
std::vector<int64_t> probeForward(Model& model, std::vector<std::string>& notes) {
    if (model.spec().usesEdges()) return {};
    const Dataset probe = loadDataset(kProbeData);
    const Evaluator evaluator(model, probe.samples.front(), EvaluationOptions{});
    notes = evaluator.notes();
    const auto sizes = evaluator.baseline().sizes();
    return {sizes.begin(), sizes.end()};
}

} // namespace

bool isModelFile(const std::string& path) {
    for (const std::string suffix : {".pt", ".pth"})
        if (path.size() > suffix.size() &&
            path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    return false;
}

int describeModel(const std::string& path, bool json) {
    const std::unique_ptr<Model> model = builtinModels().create(path);
    std::vector<std::string> notes;
    const std::vector<int64_t> shape = probeForward(*model, notes);
    for (const std::string& note : notes) std::cerr << "equiscope-cli info: note: " << note << "\n";
    const ModelSpec& spec = model->spec();
    if (json) {
        std::cout << nlohmann::json{{"model", path},
                                    {"spec", nlohmann::json::parse(toJson(spec))},
                                    {"probe", kProbeData},
                                    {"output_shape", shape}}
                         .dump()
                  << "\n";
        return kExitOk;
    }
    std::cout << path << " (TorchScript model)\n  spec      " << toJson(spec) << "\n  forward   ";
    if (shape.empty()) {
        std::cout << "not tried (the model takes edge_index)\n";
        return kExitOk;
    }
    std::cout << "finite output of shape [";
    for (std::size_t i = 0; i < shape.size(); ++i) std::cout << (i ? ", " : "") << shape[i];
    std::cout << "] on " << kProbeData << "\n";
    return kExitOk;
}

} // namespace equiscope::cli
