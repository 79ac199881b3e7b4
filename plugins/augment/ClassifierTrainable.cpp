#include "augment/ClassifierTrainable.h"

#include "models/Layers.h"
#include "train/InvarianceConstraints.h"
#include "util/Error.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace equiscope::augment {

namespace {

torch::nn::Module& moduleOf(Model& model) {
    torch::nn::Module* m = model.trainableModule();
    if (!m) throw Error("train: the model '" + model.name() + "' has no weights to train");
    return *m;
}

torch::Tensor elementTensor(const TransformFamily& f, const torch::Device& device) {
    torch::Tensor t =
        torch::empty({static_cast<int64_t>(f.elements.size()), 3, 3}, torch::kFloat64);
    auto a = t.accessor<double, 3>();
    for (std::size_t k = 0; k < f.elements.size(); ++k)
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                a[static_cast<int64_t>(k)][i][j] = f.elements[k].linear(i, j);
    return t.to(torch::kFloat32).to(device);
}

torch::Tensor indexTensor(const std::vector<int>& indices, const torch::Device& device) {
    std::vector<int64_t> wide(indices.begin(), indices.end());
    return torch::tensor(wide, torch::kInt64).to(device);
}

} // namespace

ClassifierTrainable::ClassifierTrainable(const ClassifyConfig& c, Model& model, ShapeTensors train,
                                         ShapeTensors validation,
                                         std::vector<TransformFamily> families)
    : c_(c), model_(model), net_(moduleOf(model)),
      optimizer_(net_.parameters(), torch::optim::AdamOptions(c.learningRate)),
      train_(std::move(train)), validation_(std::move(validation)), families_(std::move(families)),
      gamma_(families_.size(), 0.0), acceptance_(families_.size(), 0.0), rng_(c.seed) {
    for (const TransformFamily& f : families_)
        elements_.push_back(elementTensor(f, train_.pos.device()));
}

std::vector<std::string> ClassifierTrainable::columns() const {
    std::vector<std::string> out{"train_loss", "clean_loss", "validation_loss",
                                 "validation_accuracy"};
    for (const TransformFamily& f : families_) {
        if (c_.augment == AugmentMode::Constrained) {
            out.push_back("gamma_" + f.name);
            out.push_back("acceptance_" + f.name);
        }
        if (c_.augment != AugmentMode::None) out.push_back("augmented_loss_" + f.name);
    }
    return out;
}

// Per-sample cross entropy of the model on x mapped by each sample's linear map.
torch::Tensor ClassifierTrainable::losses(const torch::Tensor& x, const torch::Tensor& y,
                                          const torch::Tensor& linear) {
    const torch::Tensor moved = torch::einsum("bpj,bij->bpi", {x, linear});
    const torch::Tensor feat = torch::zeros({x.size(0), x.size(1), 0}, x.options());
    return torch::nn::functional::cross_entropy(
        model_.forward(moved, feat, {}), y,
        torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
}

torch::Tensor ClassifierTrainable::uniformAugmentation(std::size_t j, const torch::Tensor& x,
                                                       const torch::Tensor& y, StepFigures& f) {
    std::uniform_int_distribution<int> draw(0, static_cast<int>(families_[j].elements.size()) - 1);
    std::vector<int> chosen(static_cast<std::size_t>(x.size(0)));
    for (int& k : chosen) k = draw(rng_);
    for (int k : chosen)
        f.magnitudes[j].push_back(families_[j].elements[static_cast<std::size_t>(k)].magnitude);
    return losses(x, y, elements_[j].index_select(0, indexTensor(chosen, x.device()))).mean();
}

// Algorithm 1 of methods.md 7.1: an independent MH chain per sample (no gradients), then
// the loss with gradients at the element each chain ends on (its value alone while the
// family's gamma is 0 and the loss has no weight in the step).
torch::Tensor ClassifierTrainable::sampledAugmentation(std::size_t j, const torch::Tensor& x,
                                                       const torch::Tensor& y, StepFigures& f) {
    const auto batchLosses = [&](const std::vector<int>& indices) {
        torch::NoGradGuard noGrad;
        const torch::Tensor l =
            losses(x, y, elements_[j].index_select(0, indexTensor(indices, x.device())))
                .to(torch::kCPU, torch::kFloat64);
        return std::vector<double>(l.data_ptr<double>(), l.data_ptr<double>() + l.numel());
    };
    const MhChains chains = runIndependentMh(static_cast<int>(x.size(0)),
                                             static_cast<int>(families_[j].elements.size()),
                                             c_.mhSteps, rng_, batchLosses);
    f.proposed[j] += chains.proposed;
    f.accepted[j] += chains.accepted;
    for (int k : chains.state)
        f.magnitudes[j].push_back(families_[j].elements[static_cast<std::size_t>(k)].magnitude);
    if (gamma_[j] == 0) { // no gradient to take: the chains' own losses give the value
        double sum = 0;
        for (double l : chains.loss) sum += l;
        return torch::tensor(sum / static_cast<double>(chains.loss.size()), x.options());
    }
    return losses(x, y, elements_[j].index_select(0, indexTensor(chains.state, x.device()))).mean();
}

void ClassifierTrainable::step(const torch::Tensor& x, const torch::Tensor& y, StepFigures& f) {
    optimizer_.zero_grad();
    const torch::Tensor identity =
        torch::eye(3, x.options()).unsqueeze(0).expand({x.size(0), 3, 3});
    const torch::Tensor clean = losses(x, y, identity).mean();
    torch::Tensor total = clean;
    std::vector<double> augmented(families_.size(), 0.0);
    for (std::size_t j = 0; j < families_.size(); ++j) {
        if (c_.augment == AugmentMode::None || warmingUp_) break;
        const torch::Tensor l = c_.augment == AugmentMode::All ? uniformAugmentation(j, x, y, f)
                                                               : sampledAugmentation(j, x, y, f);
        augmented[j] = l.item<double>();
        // The Lagrangian l_clean + sum_j gamma_j (l_j - epsilon); "all" weighs every
        // family as the clean loss.
        total = total + (c_.augment == AugmentMode::All ? 1.0 : gamma_[j]) * l;
    }
    if (c_.augment == AugmentMode::All && !warmingUp_)
        total = total / static_cast<double>(families_.size() + 1);
    total.backward();
    optimizer_.step();
    if (c_.augment == AugmentMode::Constrained && !warmingUp_)
        for (std::size_t j = 0; j < families_.size(); ++j)
            gamma_[j] = dualAscent(gamma_[j], c_.dualStep, augmented[j], c_.epsilon);
    const double share = static_cast<double>(x.size(0)) / static_cast<double>(train_.pos.size(0));
    f.total += total.item<double>() * share;
    f.clean += clean.item<double>() * share;
    for (std::size_t j = 0; j < families_.size(); ++j) f.augmented[j] += augmented[j] * share;
}

std::vector<double> ClassifierTrainable::trainEpoch(int epoch, int) {
    torch::manual_seed(c_.seed * 7919 + static_cast<uint64_t>(epoch));
    rng_.seed(c_.seed * 104729 + static_cast<uint64_t>(epoch));
    warmingUp_ = c_.augment == AugmentMode::Constrained && epoch < c_.dualStart;
    const torch::Tensor order = torch::randperm(train_.pos.size(0)).to(train_.pos.device());
    StepFigures f;
    f.augmented.assign(families_.size(), 0.0);
    f.proposed.assign(families_.size(), 0);
    f.accepted.assign(families_.size(), 0);
    f.magnitudes.resize(families_.size());
    for (int64_t start = 0; start < order.size(0); start += c_.batch) {
        const torch::Tensor rows = order.slice(0, start, std::min(start + c_.batch, order.size(0)));
        step(train_.pos.index_select(0, rows), train_.labels.index_select(0, rows), f);
    }
    const auto [validationLoss, validationAccuracy] = validate();
    std::vector<double> row{f.total, f.clean, validationLoss, validationAccuracy};
    EpochHistograms histograms;
    for (std::size_t j = 0; j < families_.size(); ++j) {
        if (c_.augment == AugmentMode::Constrained) {
            acceptance_[j] = f.proposed[j] > 0 ? static_cast<double>(f.accepted[j]) /
                                                     static_cast<double>(f.proposed[j])
                                               : 0.0;
            row.push_back(gamma_[j]);
            row.push_back(acceptance_[j]);
        }
        if (c_.augment != AugmentMode::None) row.push_back(f.augmented[j]);
        histograms.push_back(magnitudeHistogram(families_[j], f.magnitudes[j], kHistogramBins));
    }
    histograms_.push_back(std::move(histograms));
    return row;
}

std::pair<double, double> ClassifierTrainable::validate() {
    torch::NoGradGuard noGrad;
    const torch::Tensor feat = torch::zeros({validation_.pos.size(0), validation_.pos.size(1), 0},
                                            validation_.pos.options());
    const torch::Tensor logits = model_.forward(validation_.pos, feat, {});
    const double loss =
        torch::nn::functional::cross_entropy(logits, validation_.labels).item<double>();
    const double accuracy =
        logits.argmax(1).eq(validation_.labels).to(torch::kFloat64).mean().item<double>();
    return {loss, accuracy};
}

void ClassifierTrainable::rememberBest() {
    best_ = snapshotParameters(net_);
}
void ClassifierTrainable::restoreBest() {
    restoreParameters(net_, best_);
}

void ClassifierTrainable::saveState(const std::string& dir) const {
    const std::filesystem::path d(dir);
    saveTrainingState((d / "classifier.pt").string(), net_, optimizer_, best_);
    std::ofstream((d / "duals.json").string()) << nlohmann::json{{"gamma", gamma_}}.dump() << "\n";
}

void ClassifierTrainable::loadState(const std::string& dir) {
    const std::filesystem::path d(dir);
    loadTrainingState((d / "classifier.pt").string(), net_, optimizer_, best_, train_.pos.device());
    std::ifstream in((d / "duals.json").string());
    try {
        const std::vector<double> gamma = nlohmann::json::parse(in).at("gamma");
        if (gamma.size() != gamma_.size()) throw Error("it holds another number of families");
        gamma_ = gamma;
    } catch (const std::exception& e) {
        throw Error((d / "duals.json").string() + ": not this run's dual variables (" + e.what() +
                    ")");
    }
}

} // namespace equiscope::augment
