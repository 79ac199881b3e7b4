#include "PerModel.h"

#include "Tasks.h"
#include "models/ModuleModel.h"

namespace equiscope::per {

namespace {

class PerModel : public ModuleModel {
  public:
    PerModel(ModelSpec spec, const ModelOptions& options,
             std::shared_ptr<SoftEquivariantMlpImpl> net, bool masses)
        : ModuleModel("per", std::move(spec), options, net), net_(std::move(net)), masses_(masses) {
        setFloat64(false);
    }

    // Nodes become the task's flat input: masses (feat) first, then the positions.
    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat, const at::Tensor&) override {
        const int64_t b = pos.size(0);
        const torch::Tensor flat = pos.reshape({b, -1});
        return net_->forward(masses_ ? torch::cat({feat.reshape({b, -1}), flat}, 1) : flat);
    }

  private:
    std::shared_ptr<SoftEquivariantMlpImpl> net_;
    bool masses_;
};

ModelSpec specFor(const std::string& task) {
    ModelSpec s;
    s.perNode = false;
    if (task == "inertia") {
        s.output = FieldType::Tensor2;
        s.featureDim = 1;
    } else {
        s.output = FieldType::Scalar;
        s.featureDim = 0;
    }
    return s;
}

} // namespace

std::unique_ptr<Model> makePerModel(const std::string& task, const std::string& variant,
                                    std::shared_ptr<SoftEquivariantMlpImpl> trained) {
    const auto t = makeTask(task, variant, 0.0);
    if (!trained) {
        const PerConfig c = PerConfig::defaultsFor(task);
        torch::manual_seed(c.seed);
        trained = SoftEquivariantMlp(t->input(), t->output(), c.shape, t->groups()).ptr();
    }
    // Only the task shapes the network; the variant is the data's, not the model's.
    return std::make_unique<PerModel>(specFor(task), ModelOptions{{"task", task}}, trained,
                                      task == "inertia");
}

Sample taskSample(const std::string& task, uint64_t seed) {
    const auto t = makeTask(task, "", 0.0);
    const torch::Tensor x = t->inputs(1, seed)[0];
    Sample s;
    if (task == "inertia") {
        const int64_t n = 5;
        std::vector<double> pos(x.data_ptr<double>() + n, x.data_ptr<double>() + 4 * n);
        std::vector<double> mass(x.data_ptr<double>(), x.data_ptr<double>() + n);
        s.setField(
            Field::perNode("pos", FieldType::Position, n, 3, std::move(pos), Storage::Float64));
        s.setField(
            Field::perNode("mass", FieldType::Scalar, n, 1, std::move(mass), Storage::Float64));
    } else {
        std::vector<double> pos(x.data_ptr<double>(), x.data_ptr<double>() + x.numel());
        s.setField(Field::perNode("pos", FieldType::Position, x.numel() / 3, 3, std::move(pos),
                                  Storage::Float64));
    }
    return s;
}

void registerPer(ModelRegistry& registry) {
    registry.add(
        {"per",
         "PER soft-equivariant MLP for a synthetic task (train it with equiscope-cli train per, "
         "then --load)",
         {{"task", "inertia",
           "inertia (5 bodies, mass feature, tensor2 output) or cossim (3 vectors, scalar)"}},
         {},
         [](const ModelOptions& o) -> std::unique_ptr<Model> {
             const OptionReader r("per", o);
             return makePerModel(r.choice("task", {"inertia", "cossim"}), "");
         }});
}

} // namespace equiscope::per
