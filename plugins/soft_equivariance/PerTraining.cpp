#include "PerTraining.h"

#include "StrengthAdjuster.h"
#include "Tasks.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace equiscope::per {

// methods.md's defaults (inertia: lambda 100, lr 1e-3, 8000 epochs, E_adj 2000; cossim:
// lambda 0.01, 2000 epochs, E_adj 500) are for EMLP's layers and a GPU budget. Measured here
// on 2 CPU cores with this model: lambda 1 and lr 3e-3 rank inertia's levels correctly in
// 1200 epochs (about 35 s); see README "Learned symmetry levels".
PerConfig PerConfig::defaultsFor(const std::string& task) {
    PerConfig c;
    c.task = task;
    c.initialLambda = 1;
    c.learningRate = 3e-3;
    c.epochs = 1200;
    c.adjustEpoch = 500;
    if (task == "cossim") {
        c.weightDecay = 2e-5;
        c.batch = 200;
        c.variant = "so3-scale";
    } else if (task != "inertia") {
        throw Error("unknown task '" + task + "' (inertia, cossim)");
    }
    return c;
}

namespace {

std::vector<torch::Tensor> snapshot(const torch::nn::Module& m) {
    std::vector<torch::Tensor> out;
    for (const auto& p : m.parameters()) out.push_back(p.detach().clone());
    return out;
}

void restore(torch::nn::Module& m, const std::vector<torch::Tensor>& s) {
    torch::NoGradGuard noGrad;
    const auto params = m.parameters();
    for (std::size_t i = 0; i < params.size(); ++i) params[i].copy_(s[i]);
}

} // namespace

PerResult trainPer(const PerConfig& c, const Progress& progress,
                   const std::function<void(const EpochLog&)>& onEpoch) {
    if (c.epochs < 1 || c.batch < 1 || c.trainSamples < 1)
        throw Error("train per: epochs, batch and samples must be >= 1");
    const auto task = makeTask(c.task, c.variant, c.epsilon);
    PerResult result;
    result.config = c;
    result.groups = task->groups();
    const std::size_t groups = result.groups.size();

    torch::manual_seed(c.seed);
    SoftEquivariantMlp model(task->input(), task->output(), c.shape, result.groups);
    const torch::Tensor xTrain = task->inputs(c.trainSamples, c.seed + 1),
                        yTrain = task->truth(xTrain);
    const torch::Tensor xVal = task->inputs(c.validationSamples, c.seed + 2),
                        yVal = task->truth(xVal);
    const torch::Tensor xTest = task->inputs(c.testSamples, c.seed + 3), yTest = task->truth(xTest);

    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(c.learningRate));
    std::vector<double> lambdas(groups, c.initialLambda);
    lambdas[0] = 0; // the reference group fixes the representations and is not regularized
    StrengthAdjuster adjuster(c.adjustEpoch, c.exponent);
    double bestVal = INFINITY;
    std::vector<torch::Tensor> best;
    int sinceBest = 0;
    for (int epoch = 0; epoch < c.epochs; ++epoch) {
        const double lr = 0.5 * c.learningRate * (1 + std::cos(M_PI * epoch / c.epochs));
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
        const torch::Tensor order = torch::randperm(c.trainSamples, torch::kInt64);
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < c.trainSamples; start += c.batch) {
            const torch::Tensor idx =
                order.narrow(0, start, std::min(c.batch, c.trainSamples - start));
            torch::Tensor loss = torch::mse_loss(model->forward(xTrain.index_select(0, idx)),
                                                 yTrain.index_select(0, idx));
            const auto r = model->regularizers();
            for (std::size_t j = 0; j < groups; ++j)
                if (lambdas[j] != 0) loss = loss + lambdas[j] * r[j];
            for (const auto& p : model->parameters())
                loss = loss + 0.5 * c.weightDecay * p.pow(2).sum();
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>();
            ++batches;
        }
        EpochLog log;
        log.epoch = epoch;
        log.trainLoss = lossSum / batches;
        log.learningRate = lr;
        {
            torch::NoGradGuard noGrad;
            for (const auto& r : model->regularizers())
                log.regularizers.push_back(r.item<double>());
            log.validationMse = torch::mse_loss(model->forward(xVal), yVal).item<double>();
        }
        adjuster.observe(epoch, log.regularizers);
        adjuster.adjust(epoch, lambdas);
        log.lambdas = lambdas;
        result.log.push_back(log);
        if (onEpoch) onEpoch(log);
        // Model selection and early stopping start after twice the adjustment epoch.
        // (With too few epochs for that, right after the adjustment.)
        const int selectionStart =
            2 * c.adjustEpoch < c.epochs ? 2 * c.adjustEpoch : c.adjustEpoch + 1;
        if (epoch >= selectionStart) {
            if (log.validationMse < bestVal) {
                bestVal = log.validationMse;
                best = snapshot(*model);
                result.bestEpoch = epoch;
                sinceBest = 0;
            } else if (++sinceBest > c.patience) {
                break;
            }
        }
        progress.report(static_cast<double>(epoch + 1) / c.epochs,
                        "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(c.epochs) +
                            ", loss " + std::to_string(log.trainLoss));
    }
    if (!best.empty()) restore(*model, best);

    torch::NoGradGuard noGrad;
    result.testMse = torch::mse_loss(model->forward(xTest), yTest).item<double>();
    result.levels = lambdas;
    const double top = *std::max_element(lambdas.begin(), lambdas.end());
    for (double l : lambdas) result.normalizedLevels.push_back(top > 0 ? l / top : 0.0);
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
