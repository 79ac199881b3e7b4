#include "PerModel.h"

#include "Tasks.h"
#include "models/ModuleModel.h"

namespace equiscope::per {

namespace {

class PerModel : public ModuleModel {
  public:
    PerModel(ModelSpec spec, const ModelOptions& options,
             std::shared_ptr<SoftEquivariantMlpImpl> net, std::string task)
        : ModuleModel("per", std::move(spec), options, net), net_(std::move(net)),
          task_(std::move(task)) {
        setFloat64(false);
    }

    // Nodes become the task's flat input: masses (feat) first, then the positions.
    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) override {
        const int64_t b = pos.size(0);
        if (task_ == "motion") {
            const torch::Tensor mean = pos.mean(1, true);
            return net_->forward((pos - mean).reshape({b, -1})).reshape(pos.sizes()) + mean;
        }
        const torch::Tensor flat = pos.reshape({b, -1});
        return net_->forward(task_ == "inertia" ? torch::cat({feat.reshape({b, -1}), flat}, 1)
                                                : flat);
    }

  private:
    std::shared_ptr<SoftEquivariantMlpImpl> net_;
    std::string task_;
};

ModelSpec specFor(const std::string& task) {
    ModelSpec s;
    s.perNode = task == "motion";
    s.featureDim = task == "inertia" ? 1 : 0;
    s.output = task == "inertia"  ? FieldType::Tensor2
               : task == "motion" ? FieldType::Position
                                  : FieldType::Scalar;
    return s;
}

} // namespace

std::unique_ptr<Model> makePerModel(const std::string& task, const std::string& kind,
                                    std::shared_ptr<SoftEquivariantMlpImpl> trained) {
    PerConfig c = PerConfig::defaultsFor(task);
    c.model = kind;
    const auto t = makeTask(task, "", 0.0);
    if (!trained) trained = makePerNetwork(c, *t).ptr();
    // Only the task and the kind shape the network; the variant is the data's, not the model's.
    return std::make_unique<PerModel>(specFor(task), ModelOptions{{"task", task}, {"model", kind}},
                                      trained, task);
}

Sample taskSample(const std::string& task, uint64_t seed) {
    const auto t = makeTask(task, "", 0.0);
    const torch::Tensor x = t->inputs(1, seed)[0].contiguous();
    const double* v = x.data_ptr<double>();
    Sample s;
    const int64_t skip = task == "inertia" ? 5 : 0; // inertia: 5 masses, then 5 positions
    const int64_t n = (x.numel() - skip) / 3;
    s.setField(Field::perNode("pos", FieldType::Position, n, 3,
                              std::vector<double>(v + skip, v + x.numel()), Storage::Float64));
    if (skip)
        s.setField(Field::perNode("mass", FieldType::Scalar, n, 1, std::vector<double>(v, v + skip),
                                  Storage::Float64));
    return s;
}

void registerPer(ModelRegistry& registry) {
    registry.add(
        {"per",
         "PER soft-equivariant MLP or a baseline for a synthetic task (train it with "
         "equiscope-cli train per, then --load)",
         {{"task", "inertia",
           "inertia (5 bodies, mass feature, tensor2 output), cossim (3 vectors, scalar) or "
           "motion (6 past positions, the next 6)"},
          {"model", "per", "per, mlp, rpp (residual pathway) or emlp (hard O(3) constraint)"}},
         {},
         [](const ModelOptions& o) -> std::unique_ptr<Model> {
             const OptionReader r("per", o);
             return makePerModel(r.choice("task", {"inertia", "cossim", "motion"}),
                                 r.choice("model", perModelKinds()));
         }});
}

} // namespace equiscope::per
