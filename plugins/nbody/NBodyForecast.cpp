#include "NBodyForecast.h"

#include "groups/Group.h"
#include "models/Device.h"
#include "models/Layers.h"
#include "scene/NBodySimulator.h"
#include "train/DataParallel.h"
#include "util/Error.h"

#include <cmath>
#include <filesystem>

namespace equiscope::nbody {

namespace {

// One EGNN_vel layer (methods.md 8.1(b)) on batches of fully connected graphs.
struct VelocityLayer : torch::nn::Module {
    torch::nn::Sequential edge{nullptr}, coord{nullptr}, node{nullptr}, velocity{nullptr};
    explicit VelocityLayer(int64_t h) {
        edge = register_module("edge", makeMlp({2 * h + 3, h, h}));
        edge->push_back(torch::nn::SiLU());
        coord = register_module("coord", makeMlp({h, h, 1}, /*lastBias=*/false));
        torch::nn::init::xavier_uniform_(coord->ptr<torch::nn::LinearImpl>(2)->weight, 0.001);
        node = register_module("node", makeMlp({2 * h, h, h}));
        velocity = register_module("velocity", makeMlp({h, h, 1}));
    }

    // h [B,N,H], x [B,N,3], v0 [B,N,3], attr [B,N,N,2] (q_i q_j, |x_i - x_j|^2 at the input).
    void forward(torch::Tensor& h, torch::Tensor& x, const torch::Tensor& v0,
                 const torch::Tensor& attr) {
        const int64_t n = x.size(1);
        const torch::Tensor rel = x.unsqueeze(2) - x.unsqueeze(1); // [B,N,N,3], x_i - x_j
        const torch::Tensor d2 = rel.pow(2).sum(-1, true);
        const torch::Tensor hi = h.unsqueeze(2).expand({-1, n, n, -1}),
                            hj = h.unsqueeze(1).expand({-1, n, n, -1});
        const torch::Tensor mask = 1 - torch::eye(n, x.options()).view({1, n, n, 1});
        const torch::Tensor m = edge->forward(torch::cat({hi, hj, d2, attr}, -1)) * mask;
        x = x + (rel * coord->forward(m) * mask).sum(2) / static_cast<double>(n - 1) +
            velocity->forward(h) * v0;
        h = h + node->forward(torch::cat({h, m.sum(2)}, -1));
    }
};

struct EgnnVelocity : torch::nn::Module {
    torch::nn::Linear embed{nullptr};
    std::vector<std::shared_ptr<VelocityLayer>> layers;
    EgnnVelocity(int64_t hidden, int64_t count) {
        embed = register_module("embed", torch::nn::Linear(1, hidden));
        for (int64_t l = 0; l < count; ++l)
            layers.push_back(register_module("layer" + std::to_string(l),
                                             std::make_shared<VelocityLayer>(hidden)));
    }
    // x, v [B,N,3], q [B,N] -> positions [B,N,3].
    torch::Tensor forward(torch::Tensor x, const torch::Tensor& v, const torch::Tensor& q) {
        torch::Tensor h = embed->forward(v.norm(2, -1, true));
        const torch::Tensor qq = (q.unsqueeze(2) * q.unsqueeze(1)).unsqueeze(-1);
        const torch::Tensor d0 = (x.unsqueeze(2) - x.unsqueeze(1)).pow(2).sum(-1, true);
        const torch::Tensor attr = torch::cat({qq, d0}, -1);
        for (const auto& layer : layers) layer->forward(h, x, v, attr);
        return x;
    }
};

struct Split {
    torch::Tensor x, v, q, y; // [S,N,3], [S,N,3], [S,N], [S,N,3]
};

Split makeSplit(const ForecastConfig& c, int count, uint64_t seed, const Progress& progress) {
    NBodyConfig sim;
    sim.frames = c.targetFrame + 1;
    const auto runs = simulateChargedSet(sim, count, seed, progress);
    const int64_t n = sim.particles, s = count;
    std::vector<double> x, v, q, y;
    for (const auto& r : runs) {
        const auto at = [&](const std::vector<double>& a, int frame) {
            return a.begin() + frame * n * 3;
        };
        x.insert(x.end(), at(r.positions, c.inputFrame), at(r.positions, c.inputFrame + 1));
        v.insert(v.end(), at(r.velocities, c.inputFrame), at(r.velocities, c.inputFrame + 1));
        y.insert(y.end(), at(r.positions, c.targetFrame), at(r.positions, c.targetFrame + 1));
        q.insert(q.end(), r.charges.begin(), r.charges.end());
    }
    auto tensor = [](std::vector<double>& values, std::vector<int64_t> shape) {
        return torch::from_blob(values.data(), shape, torch::kFloat64).clone().to(torch::kFloat32);
    };
    return {tensor(x, {s, n, 3}), tensor(v, {s, n, 3}), tensor(q, {s, n}), tensor(y, {s, n, 3})};
}

class ForecastTrainable : public Trainable {
  public:
    ForecastTrainable(const ForecastConfig& c, Split train, Split validation)
        : c_(c), device_(parseDevice(c.device) == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU),
          net_((torch::manual_seed(c.seed), std::make_shared<EgnnVelocity>(c.hidden, c.layers))),
          optimizer_(net_->parameters(),
                     torch::optim::AdamOptions(c.learningRate).weight_decay(c.weightDecay)),
          train_(to(train)), validation_(to(validation)) {
        net_->to(device_);
        broadcastParameters(ranks_, *net_);
    }

    std::vector<std::string> columns() const override { return {"train_mse", "validation_mse"}; }

    std::vector<double> trainEpoch(int epoch, int) override {
        torch::manual_seed(c_.seed * 7919 + static_cast<uint64_t>(epoch));
        const int64_t s = train_.x.size(0);
        const torch::Tensor order = torch::randperm(s, torch::kInt64).to(device_);
        double sum = 0;
        int batches = 0;
        for (int64_t start = 0; start < s; start += c_.batch) {
            const torch::Tensor i = order.narrow(0, start, std::min<int64_t>(c_.batch, s - start));
            const torch::Tensor loss =
                shareOfMeanSquaredError(ranks_, i, train_.y, [&](const torch::Tensor& rows) {
                    return net_->forward(train_.x.index_select(0, rows),
                                         train_.v.index_select(0, rows),
                                         train_.q.index_select(0, rows));
                });
            optimizer_.zero_grad();
            loss.backward();
            sum += allReduceGradients(ranks_, *net_, loss.item<double>());
            optimizer_.step();
            ++batches;
        }
        return {sum / batches, mse(validation_)};
    }

    double selectionScore(const std::vector<double>& row) const override { return row[1]; }
    void rememberBest() override { best_ = snapshotParameters(*net_); }
    void restoreBest() override { restoreParameters(*net_, best_); }
    void saveState(const std::string& dir) const override {
        saveTrainingState((std::filesystem::path(dir) / "egnn.pt").string(), *net_, optimizer_,
                          best_);
    }
    void loadState(const std::string& dir) override {
        loadTrainingState((std::filesystem::path(dir) / "egnn.pt").string(), *net_, optimizer_,
                          best_, device_);
    }

    double mse(const Split& s) {
        torch::NoGradGuard noGrad;
        return torch::mse_loss(net_->forward(s.x, s.v, s.q), s.y).item<double>();
    }
    Split to(const Split& s) const {
        return {s.x.to(device_), s.v.to(device_), s.q.to(device_), s.y.to(device_)};
    }
    EgnnVelocity& net() { return *net_; }
    const torch::Device& device() const { return device_; }

  private:
    ForecastConfig c_;
    Collective& ranks_ = c_.collective ? *c_.collective : singleProcess();
    torch::Device device_;
    std::shared_ptr<EgnnVelocity> net_;
    torch::optim::Adam optimizer_;
    Split train_, validation_;
    std::vector<torch::Tensor> best_;
};

} // namespace

ForecastResult trainForecast(const ForecastConfig& c, const Progress& progress) {
    if (c.trajectories < 1 || c.validation < 1 || c.test < 1 || c.epochs < 1 || c.batch < 1)
        throw Error("train egnn: trajectories, epochs and batch must be >= 1");
    if (c.inputFrame < 0 || c.targetFrame <= c.inputFrame || c.targetFrame > 48)
        throw Error("train egnn: frames must satisfy 0 <= input < target <= 48");
    // Disjoint seeds for the three splits (as generate_dataset.py's separate runs).
    const Split training = makeSplit(c, c.trajectories, c.seed, {});
    const Split validation = makeSplit(c, c.validation, c.seed + 1000003, {});
    Split test = makeSplit(c, c.test, c.seed + 2000003, {});
    ForecastTrainable trainable(c, training, validation);
    TrainerOptions o;
    o.epochs = c.epochs;
    o.patience = -1; // the paper reports the best validation epoch without stopping early
    o.checkpointDirectory = c.checkpointDirectory;
    o.checkpointEvery = 25;
    o.resume = c.resume;
    o.csvLog = c.csvLog;
    o.jsonLog = c.jsonLog;
    o.collective = c.collective;
    ForecastResult r;
    r.config = c;
    r.training = equiscope::train(trainable, o, progress);
    r.seconds = r.training.seconds;
    test = trainable.to(test);
    r.testMse = trainable.mse(test);
    const double dtFrames = 0.001 * 100 * (c.targetFrame - c.inputFrame);
    r.constantVelocityMse = torch::mse_loss(test.x + dtFrames * test.v, test.y).item<double>();
    // Equivariance in float64: g = (R, t), R in O(3), t ~ N(0, 10^2 I) (methods.md 8.1(e)).
    EgnnVelocity& net = trainable.net();
    net.to(torch::kFloat64);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = test.x.to(torch::kFloat64), v = test.v.to(torch::kFloat64),
                        q = test.q.to(torch::kFloat64);
    const torch::Tensor fx = net.forward(x, v, q);
    Rng rng(c.seed);
    const auto o3 = makeGroup("O3");
    double total = 0;
    constexpr int kElements = 8;
    for (int k = 0; k < kElements; ++k) {
        const Eigen::Matrix3d a = o3->sample(rng, {1, 1.0}).linear;
        torch::Tensor rt = torch::empty({3, 3}, torch::kFloat64);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) rt[i][j] = a(j, i); // rows X A^T
        rt = rt.to(x.device());
        const torch::Tensor t = 10 * torch::randn({1, 1, 3}, x.options());
        const torch::Tensor left = net.forward(torch::matmul(x, rt) + t, torch::matmul(v, rt), q);
        const torch::Tensor right = torch::matmul(fx, rt) + t;
        total += ((left - right).norm() / right.norm()).item<double>();
    }
    r.equivarianceError = total / kElements;
    return r;
}

nlohmann::json forecastJson(const ForecastResult& r) {
    return {{"test_mse", r.testMse},
            {"constant_velocity_mse", r.constantVelocityMse},
            {"equivariance_error", r.equivarianceError},
            {"epochs", static_cast<int>(r.training.rows.size())},
            {"best_epoch", r.training.bestEpoch},
            {"trajectories", r.config.trajectories},
            {"seed", r.config.seed},
            {"seconds", r.seconds},
            {"paper_test_mse", 0.0071}};
}

} // namespace equiscope::nbody
