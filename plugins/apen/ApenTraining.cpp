#include "ApenTraining.h"

#include "BuiltinModels.h"
#include "PartitionView.h"
#include "metrics/PartitionScores.h"
#include "metrics/PiecewiseEquivariance.h"
#include "models/Device.h"
#include "train/DataParallel.h"
#include "util/Error.h"

#include <filesystem>
#include <numeric>

namespace equiscope::apen {

namespace {

struct SceneTensors {
    torch::Tensor x, feat, centre; // [N,3], [N,1], [N,3]
};

SceneTensors tensorsOf(const Sample& s, const torch::Device& device) {
    const int64_t n = s.nodeCount();
    auto rows = [&](const Field& f) {
        return torch::tensor(f.values, torch::kFloat64).view({n, 3}).to(torch::kFloat32).to(device);
    };
    return {rows(s.positions()), torch::ones({n, 1}, torch::kFloat32).to(device),
            rows(*s.find("centre"))};
}

class ApenTrainable : public Trainable {
  public:
    ApenTrainable(const ApenTrainConfig& c, ApenModel& model, std::vector<SceneTensors> train,
                  std::vector<SceneTensors> validation)
        : c_(c), net_(model.network()),
          optimizer_(net_->parameters(), torch::optim::AdamOptions(c.learningRate)),
          train_(std::move(train)), validation_(std::move(validation)) {
        broadcastParameters(ranks_, *net_);
    }

    std::vector<std::string> columns() const override {
        return {"train_vote_l1", "validation_vote_l1"};
    }

    std::vector<double> trainEpoch(int epoch, int) override {
        torch::manual_seed(c_.seed * 7919 + static_cast<uint64_t>(epoch));
        const torch::Tensor order = torch::randperm(static_cast<int64_t>(train_.size()));
        double sum = 0;
        const int64_t n = order.size(0);
        for (int64_t start = 0; start < n; start += c_.batch) {
            // This rank's scenes of the batch; each loss over the whole batch's size.
            const int64_t size = std::min<int64_t>(c_.batch, n - start);
            const auto [begin, end] = rankShare(ranks_, size);
            optimizer_.zero_grad();
            double batchSum = 0;
            for (int64_t k = start + begin; k < start + end; ++k) {
                const torch::Tensor loss =
                    voteLoss(train_[static_cast<std::size_t>(order[k].item<int64_t>())]);
                (loss / static_cast<double>(size)).backward();
                batchSum += loss.item<double>();
            }
            sum += allReduceGradients(ranks_, *net_, batchSum);
            optimizer_.step();
        }
        return {sum / static_cast<double>(train_.size()), validationL1()};
    }

    // The L1 distance of every layer's votes to the true centres, averaged over layers.
    torch::Tensor voteLoss(const SceneTensors& s) {
        ApenTrace trace;
        net_->forward(s.x, s.feat, &trace);
        torch::Tensor loss = torch::zeros({}, s.x.options());
        for (const LayerTrace& l : trace.layers) loss = loss + (l.votes - s.centre).abs().mean();
        return loss / static_cast<double>(trace.layers.size());
    }

    double selectionScore(const std::vector<double>& row) const override { return row[1]; }
    void rememberBest() override { best_ = snapshotParameters(*net_); }
    void restoreBest() override { restoreParameters(*net_, best_); }
    void saveState(const std::string& dir) const override {
        saveTrainingState((std::filesystem::path(dir) / "apen.pt").string(), *net_, optimizer_,
                          best_);
    }
    void loadState(const std::string& dir) override {
        loadTrainingState((std::filesystem::path(dir) / "apen.pt").string(), *net_, optimizer_,
                          best_, train_.front().x.device());
    }

  private:
    double validationL1() {
        torch::NoGradGuard noGrad;
        double sum = 0;
        for (const SceneTensors& s : validation_)
            sum += (net_->forward(s.x, s.feat) - s.centre).abs().mean().item<double>();
        return sum / static_cast<double>(validation_.size());
    }

    ApenTrainConfig c_;
    Collective& ranks_ = c_.collective ? *c_.collective : singleProcess();
    ApenNetwork net_;
    torch::optim::Adam optimizer_;
    std::vector<SceneTensors> train_, validation_;
    std::vector<torch::Tensor> best_;
};

} // namespace

Sample apenScene(const ApenTrainConfig& c, int split, int index) {
    return makeMultiPartScene(c.scene, c.seed * 1000003 + static_cast<uint64_t>(split) * 100003 +
                                           static_cast<uint64_t>(index));
}

SceneScores scoreScene(ApenModel& model, const Sample& scene, int elementSets, uint64_t seed) {
    const Partition truth = compactPartition(scene.parts);
    if (truth.parts < 1) throw Error("the scene has no ground-truth parts");
    const bool wasFloat64 = model.float64();
    EvaluationOptions o;
    o.samples = elementSets;
    o.seed = seed;
    o.float64 = true;
    o.device = model.device();
    const PartitionView view = partitionView(model, scene, o);
    SceneScores s;
    s.layerUncertainty = view.doubt;
    s.uncertainty = view.nodeUncertainty;
    s.entropy = view.nodeEntropy;
    s.predicted = view.labels.back();
    for (const auto& labels : view.labels) s.mixed.push_back(mixedFraction(labels, scene.parts));
    s.miou = matchedMeanIou(s.predicted, scene.parts);
    s.error = checkPiecewise(model, scene, truth, o).nodeMean;
    model.setFloat64(wasFloat64);
    return s;
}

ApenResult trainApen(const ApenTrainConfig& c, const Progress& progress, ApenModel* given) {
    if (c.scenes < 1 || c.heldOut < 1 || c.epochs < 1 || c.elementSets < 1 || c.batch < 1)
        throw Error(
            "train apen: scenes, held-out scenes, epochs, element sets and batch must be >= 1");
    const DeviceKind device = parseDevice(c.device);
    std::unique_ptr<Model> own;
    if (!given) own = builtinModels().create("apen", c.model); // options checked, defaults filled
    ApenModel& model = given ? *given : dynamic_cast<ApenModel&>(*own);
    model.setFloat64(false);
    model.setDevice(device);
    const torch::Device where = device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU;
    std::vector<SceneTensors> train, validation;
    for (int i = 0; i < c.scenes; ++i) train.push_back(tensorsOf(apenScene(c, 0, i), where));
    for (int i = 0; i < c.heldOut; ++i) validation.push_back(tensorsOf(apenScene(c, 1, i), where));
    ApenTrainable trainable(c, model, std::move(train), std::move(validation));
    TrainerOptions o;
    o.epochs = c.epochs;
    o.patience = -1;
    o.checkpointDirectory = c.checkpointDirectory;
    o.checkpointEvery = 10;
    o.resume = c.resume;
    o.csvLog = c.csvLog;
    o.jsonLog = c.jsonLog;
    o.collective = c.collective;
    ApenResult r;
    r.config = c;
    r.training = equiscope::train(trainable, o, progress);
    r.seconds = r.training.seconds;
    std::vector<double> uncertainty, error;
    for (int i = 0; i < c.heldOut; ++i) {
        progress.report(1.0, "scoring test scene " + std::to_string(i + 1));
        r.test.push_back(scoreScene(model, apenScene(c, 2, i), c.elementSets,
                                    c.seed + static_cast<uint64_t>(i)));
        const SceneScores& s = r.test.back();
        uncertainty.insert(uncertainty.end(), s.uncertainty.begin(), s.uncertainty.end());
        error.insert(error.end(), s.error.begin(), s.error.end());
        r.miou += s.miou / c.heldOut;
        r.mixed.resize(s.mixed.size(), 0.0);
        for (std::size_t l = 0; l < s.mixed.size(); ++l) r.mixed[l] += s.mixed[l] / c.heldOut;
    }
    const auto mean = [](const std::vector<double>& v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    };
    r.meanUncertainty = mean(uncertainty);
    r.piecewiseError = mean(error);
    r.spearman = spearman(uncertainty, error);
    return r;
}

nlohmann::json apenJson(const ApenResult& r) {
    return {{"miou", r.miou},
            {"mean_uncertainty", r.meanUncertainty},
            {"piecewise_error", r.piecewiseError},
            {"spearman_uncertainty_error", r.spearman},
            {"scenes", r.config.scenes},
            {"seed", r.config.seed}};
}

} // namespace equiscope::apen
