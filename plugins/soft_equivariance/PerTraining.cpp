#include "PerTraining.h"

#include "StrengthAdjuster.h"
#include "Tasks.h"
#include "models/Device.h"
#include "models/Layers.h"
#include "train/DataParallel.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace equiscope::per {

// methods.md's defaults (inertia: lambda 100, lr 1e-3, 8000 epochs, E_adj 2000; cossim:
// lambda 0.01, 2000 epochs, E_adj 500; motion: p = 5, wd 0, batch 128) are for EMLP's
// layers and a GPU budget. Measured here on 2 CPU cores with this model: lambda 1 and
// lr 3e-3 rank the levels correctly in 1200 epochs (inertia about 35 s); see README
// "Learned symmetry levels".
PerConfig PerConfig::defaultsFor(const std::string& task) {
    PerConfig c;
    c.task = task;
    if (task == "cossim") {
        c.weightDecay = 2e-5;
        c.batch = 200;
        c.variant = "so3-scale";
    } else if (task == "motion") {
        c.weightDecay = 0;
        c.exponent = 5;
        c.batch = 250;
        c.variant = "z";
    } else if (task == "inertia") {
        c.variant = "z";
    } else {
        throw Error("unknown task '" + task + "' (inertia, cossim, motion)");
    }
    return c;
}

void PerConfig::setEpochs(int n) {
    epochs = n;
    adjustEpoch = std::max(1, std::min(adjustEpoch, n * 5 / 12));
}

const std::vector<std::string>& perModelKinds() {
    static const std::vector<std::string> kinds = {"per", "mlp", "rpp", "emlp"};
    return kinds;
}

Constraint constraintFor(const std::string& model) {
    if (model == "per" || model == "mlp") return Constraint::Soft;
    if (model == "rpp") return Constraint::ResidualPathway;
    if (model == "emlp") return Constraint::Hard;
    throw Error("unknown PER model '" + model + "' (per, mlp, rpp, emlp)");
}

SoftEquivariantMlp makePerNetwork(const PerConfig& c, const Task& task) {
    torch::manual_seed(c.seed);
    return SoftEquivariantMlp(task.input(), task.output(), c.shape, task.groups(),
                              constraintFor(c.model));
}

namespace {

namespace fs = std::filesystem;

torch::Device torchDevice(const std::string& name) {
    return parseDevice(name) == DeviceKind::Cuda ? torch::Device(torch::kCUDA)
                                                 : torch::Device(torch::kCPU);
}

// One PER (or baseline) run as the Trainer sees it.
class PerTrainable : public Trainable {
  public:
    PerTrainable(const PerConfig& c, const Task& task)
        : c_(c), task_(task), device_(torchDevice(c.device)), groups_(task.groups()),
          model_(makePerNetwork(c, task)),
          optimizer_(model_->parameters(), torch::optim::AdamOptions(c.learningRate)),
          lambdas_(groups_.size(), c.model == "per" ? c.initialLambda : 0.0),
          adjuster_(c.adjustEpoch, c.exponent) {
        lambdas_[0] = 0; // the reference group fixes the representations and is not regularized
        model_->to(device_);
        broadcastParameters(ranks_, *model_);
        xTrain_ = task.inputs(c.trainSamples, c.seed + 1).to(device_);
        yTrain_ = task.truth(xTrain_);
        xVal_ = task.inputs(c.validationSamples, c.seed + 2).to(device_);
        yVal_ = task.truth(xVal_);
    }

    std::vector<std::string> columns() const override {
        std::vector<std::string> out = {"train_loss", "validation_mse", "learning_rate"};
        for (const auto& g : groups_) out.push_back("lambda_" + g);
        for (const auto& g : groups_) out.push_back("R_" + g);
        return out;
    }

    std::vector<double> trainEpoch(int epoch, int epochs) override {
        const double lr = 0.5 * c_.learningRate * (1 + std::cos(M_PI * epoch / epochs));
        for (auto& group : optimizer_.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        // The shuffle depends on the seed and the epoch only, so resuming repeats it.
        torch::manual_seed(c_.seed * 1000003 + static_cast<uint64_t>(epoch));
        const torch::Tensor order = torch::randperm(c_.trainSamples, torch::kInt64).to(device_);
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < c_.trainSamples; start += c_.batch) {
            const torch::Tensor idx =
                order.narrow(0, start, std::min(c_.batch, c_.trainSamples - start));
            torch::Tensor loss = batchLoss(idx);
            optimizer_.zero_grad();
            loss.backward();
            lossSum += allReduceGradients(ranks_, *model_, loss.item<double>());
            optimizer_.step();
            ++batches;
        }
        std::vector<double> regularizers;
        double validation = 0;
        {
            torch::NoGradGuard noGrad;
            for (const auto& r : model_->regularizers()) regularizers.push_back(r.item<double>());
            validation = torch::mse_loss(model_->forward(xVal_), yVal_).item<double>();
        }
        adjuster_.observe(epoch, regularizers);
        adjuster_.adjust(epoch, lambdas_);
        std::vector<double> row = {lossSum / batches, validation, lr};
        row.insert(row.end(), lambdas_.begin(), lambdas_.end());
        row.insert(row.end(), regularizers.begin(), regularizers.end());
        return row;
    }

    double selectionScore(const std::vector<double>& row) const override { return row[1]; }

    // The loss of the batch `idx`; on one of R ranks, this rank's share of it: the squared
    // errors of its slice over the whole batch's size, the other terms divided by R.
    torch::Tensor batchLoss(const torch::Tensor& idx) {
        const torch::Tensor data =
            shareOfMeanSquaredError(ranks_, idx, yTrain_, [&](const torch::Tensor& rows) {
                return model_->forward(xTrain_.index_select(0, rows));
            });
        torch::Tensor rest = torch::zeros({}, data.options());
        const auto r = model_->regularizers();
        for (std::size_t j = 0; j < groups_.size(); ++j)
            if (lambdas_[j] != 0) rest = rest + lambdas_[j] * r[j];
        for (const auto& p : model_->parameters())
            rest = rest + 0.5 * c_.weightDecay * p.pow(2).sum();
        if (model_->constraint() == Constraint::ResidualPathway)
            rest = rest + c_.residualDecay * model_->residualNorm();
        return data + rest / static_cast<double>(ranks_.size());
    }

    void rememberBest() override { best_ = snapshotParameters(*model_); }
    void restoreBest() override { restoreParameters(*model_, best_); }

    void saveState(const std::string& directory) const override {
        saveTrainingState((fs::path(directory) / "state.pt").string(), *model_, optimizer_, best_);
        nlohmann::json j = {{"lambdas", lambdas_},
                            {"adjuster_calls", adjuster_.calls()},
                            {"task", c_.task},
                            {"model", c_.model}};
        if (adjuster_.minimum()) j["adjuster_minimum"] = *adjuster_.minimum();
        writeFileAtomically((fs::path(directory) / "per.json").string(),
                            [&](std::ostream& out) { out << j.dump() << "\n"; });
    }

    void loadState(const std::string& directory) override {
        const fs::path file = fs::path(directory) / "per.json";
        std::ifstream in(file);
        if (!in) throw Error(file.string() + ": missing (not a PER checkpoint)");
        try {
            const nlohmann::json j = nlohmann::json::parse(in);
            if (j.at("task") != c_.task || j.at("model") != c_.model)
                throw Error(file.string() + ": a checkpoint of " +
                            j.at("model").get<std::string>() + " on " +
                            j.at("task").get<std::string>() + ", not of " + c_.model + " on " +
                            c_.task);
            lambdas_ = j.at("lambdas").get<std::vector<double>>();
            if (lambdas_.size() != groups_.size())
                throw Error(file.string() + ": strengths for another set of groups");
            std::optional<std::vector<double>> minimum;
            if (j.contains("adjuster_minimum"))
                minimum = j.at("adjuster_minimum").get<std::vector<double>>();
            adjuster_.restore(j.at("adjuster_calls").get<int>(), minimum);
        } catch (const nlohmann::json::exception& e) {
            throw Error(file.string() + ": unreadable (" + e.what() + ")");
        }
        loadTrainingState((fs::path(directory) / "state.pt").string(), *model_, optimizer_, best_,
                          device_);
    }

    const std::vector<double>& lambdas() const { return lambdas_; }
    SoftEquivariantMlp& model() { return model_; }
    const torch::Device& device() const { return device_; }

  private:
    PerConfig c_;
    Collective& ranks_ = c_.collective ? *c_.collective : singleProcess();
    const Task& task_;
    torch::Device device_;
    std::vector<std::string> groups_;
    SoftEquivariantMlp model_;
    torch::optim::Adam optimizer_;
    std::vector<double> lambdas_;
    StrengthAdjuster adjuster_;
    std::vector<torch::Tensor> best_;
    torch::Tensor xTrain_, yTrain_, xVal_, yVal_;
};

EpochLog epochLog(const EpochRow& row, std::size_t groups) {
    EpochLog log;
    log.epoch = row.epoch;
    log.trainLoss = row.values[0];
    log.validationMse = row.values[1];
    log.learningRate = row.values[2];
    log.lambdas.assign(row.values.begin() + 3, row.values.begin() + 3 + groups);
    log.regularizers.assign(row.values.begin() + 3 + groups, row.values.end());
    return log;
}

} // namespace

PerResult trainPer(const PerConfig& c, const Progress& progress,
                   const std::function<void(const EpochLog&)>& onEpoch) {
    if (c.epochs < 1 || c.batch < 1 || c.trainSamples < 1)
        throw Error("train per: epochs, batch and samples must be >= 1");
    const auto task = makeTask(c.task, c.variant, c.epsilon);
    PerResult result;
    result.config = c;
    result.config.variant = task->variant();
    result.groups = task->groups();
    const std::size_t groups = result.groups.size();
    PerTrainable trainable(c, *task);

    TrainerOptions options;
    options.epochs = c.epochs;
    // Model selection and early stopping start after twice the adjustment epoch (with too
    // few epochs for that, right after the adjustment).
    options.selectionStart = 2 * c.adjustEpoch < c.epochs ? 2 * c.adjustEpoch : c.adjustEpoch + 1;
    options.patience = c.patience;
    options.checkpointDirectory = c.checkpointDirectory;
    options.checkpointEvery = c.checkpointEvery;
    options.resume = c.resume;
    options.csvLog = c.csvLog;
    options.jsonLog = c.jsonLog;
    options.collective = c.collective;
    result.training = train(trainable, options, progress, [&](const EpochRow& row) {
        if (onEpoch) onEpoch(epochLog(row, groups));
    });
    for (const EpochRow& row : result.training.rows) result.log.push_back(epochLog(row, groups));
    result.bestEpoch = result.training.bestEpoch;
    result.seconds = result.training.seconds;

    SoftEquivariantMlp& model = trainable.model();
    model->to(torch::kCPU);
    torch::NoGradGuard noGrad;
    const torch::Tensor xTest = task->inputs(c.testSamples, c.seed + 3), yTest = task->truth(xTest);
    const torch::Tensor predicted = model->forward(xTest);
    result.testMse = torch::mse_loss(predicted, yTest).item<double>();
    if (task->forecasting()) result.testAde = averageDisplacementError(predicted, yTest);
    result.levels = trainable.lambdas();
    const double top = *std::max_element(result.levels.begin(), result.levels.end());
    for (double l : result.levels) result.normalizedLevels.push_back(top > 0 ? l / top : 0.0);
    for (const auto& r : model->regularizers()) result.regularizers.push_back(r.item<double>());
    for (const auto& g : result.groups) {
        result.equivarianceError.push_back(equivarianceError(
            *task, g, [&](const torch::Tensor& x) { return model->forward(x); }, 100, c.seed + 7));
        result.trueEquivarianceError.push_back(equivarianceError(
            *task, g, [&](const torch::Tensor& x) { return task->truth(x); }, 100, c.seed + 7));
    }
    result.model = model.ptr();
    return result;
}

} // namespace equiscope::per
