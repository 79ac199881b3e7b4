#include "Tasks.h"

#include "groups/Group.h"
#include "util/Error.h"

namespace equiscope::per {

namespace {

class InertiaTask : public Task {
  public:
    InertiaTask(char axis, double epsilon) : axis_(axis), epsilon_(epsilon) {}
    std::string name() const override { return "inertia"; }
    std::string variant() const override { return std::string(1, axis_); }
    double epsilon() const override { return epsilon_; }
    Layout input() const override {
        return {{{Channel::Scalar, kBodies}, {Channel::Vector, kBodies}}};
    }
    Layout output() const override { return {{{Channel::Tensor2, 1}}}; }
    std::vector<std::string> groups() const override { return {"O3", "O2x", "O2y", "O2z"}; }

    torch::Tensor inputs(int64_t n, uint64_t seed) const override {
        torch::manual_seed(seed);
        const torch::Tensor m = torch::softplus(torch::randn({n, kBodies}, torch::kFloat64));
        const torch::Tensor r = torch::randn({n, kBodies * 3}, torch::kFloat64);
        return torch::cat({m, r}, 1);
    }

    torch::Tensor truth(const torch::Tensor& x) const override {
        const int64_t n = x.size(0);
        const torch::Tensor m = x.narrow(1, 0, kBodies);
        const torch::Tensor r = x.narrow(1, kBodies, kBodies * 3).reshape({n, kBodies, 3});
        const torch::Tensor eye = torch::eye(3, x.options());
        const torch::Tensor r2 = r.pow(2).sum(-1).unsqueeze(-1).unsqueeze(-1); // [n,k,1,1]
        const torch::Tensor outer = r.unsqueeze(-1) * r.unsqueeze(-2);         // [n,k,3,3]
        const torch::Tensor inertia = (m.unsqueeze(-1).unsqueeze(-1) * (r2 * eye - outer)).sum(1);
        torch::Tensor e = torch::zeros({3}, x.options());
        e[axis_ - 'x'] = 1.0;
        const torch::Tensor ie = torch::matmul(inertia, e); // [n,3]
        return (inertia + epsilon_ * ie.unsqueeze(-1) * e).reshape({n, 9});
    }

  private:
    static constexpr int kBodies = 5;
    char axis_;
    double epsilon_;
};

class CosineTask : public Task {
  public:
    CosineTask(std::string variant, double epsilon)
        : variant_(std::move(variant)), epsilon_(epsilon) {}
    std::string name() const override { return "cossim"; }
    std::string variant() const override { return variant_; }
    double epsilon() const override { return epsilon_; }
    Layout input() const override { return {{{Channel::Vector, kVectors}}}; }
    Layout output() const override { return {{{Channel::Scalar, 1}}}; }
    std::vector<std::string> groups() const override { return {"SO3*Scale", "SO3", "Scale"}; }

    torch::Tensor inputs(int64_t n, uint64_t seed) const override {
        torch::manual_seed(seed);
        return torch::randn({n, kVectors * 3}, torch::kFloat64);
    }

    torch::Tensor truth(const torch::Tensor& x) const override {
        const torch::Tensor v = x.reshape({x.size(0), kVectors, 3});
        const torch::Tensor next = torch::roll(v, -1, 1);
        torch::Tensor y = torch::cosine_similarity(v, next, -1).mean(1, true);
        if (variant_ == "so3" || variant_ == "none") y = y - epsilon_ * v.norm(2, -1).mean(1, true);
        if (variant_ == "scale" || variant_ == "none") {
            const torch::Tensor l1 = v.abs().sum(-1); // [n,k]
            y = y - epsilon_ * l1.narrow(1, 0, kVectors / 2).sum(1, true) /
                        l1.narrow(1, kVectors / 2, kVectors - kVectors / 2).sum(1, true);
        }
        return y;
    }

  private:
    static constexpr int kVectors = 3;
    std::string variant_;
    double epsilon_;
};

// Synthetic gravity-aligned motion: a body under gravity (-eps/10 per step^2 along the
// axis) and quadratic drag, x_{t+1} = x_t + v - c |v| v - g e_a with v = x_t - x_{t-1}.
// Inputs are 6 positions centred on their mean, outputs the next 6 in the same frame; the
// map is exactly O(2)-equivariant about the gravity axis (mirrors that keep the axis
// included) and only approximately under the rest.
class MotionTask : public Task {
  public:
    MotionTask(char axis, double epsilon) : axis_(axis), epsilon_(epsilon) {}
    std::string name() const override { return "motion"; }
    std::string variant() const override { return std::string(1, axis_); }
    double epsilon() const override { return epsilon_; }
    Layout input() const override { return {{{Channel::Vector, kSteps}}}; }
    Layout output() const override { return {{{Channel::Vector, kSteps}}}; }
    std::vector<std::string> groups() const override { return {"O3", "O2x", "O2y", "O2z"}; }
    bool forecasting() const override { return true; }

    torch::Tensor inputs(int64_t n, uint64_t seed) const override {
        torch::manual_seed(seed);
        const torch::Tensor start = torch::randn({n, 3}, torch::kFloat64);
        const torch::Tensor velocity = kSpeed * torch::randn({n, 3}, torch::kFloat64);
        std::vector<torch::Tensor> frames = {start, start + velocity};
        while (static_cast<int>(frames.size()) < kSteps)
            frames.push_back(step(frames[frames.size() - 2], frames.back()));
        const torch::Tensor past = torch::stack(frames, 1); // [n, 6, 3]
        return (past - past.mean(1, true)).reshape({n, kSteps * 3});
    }

    torch::Tensor truth(const torch::Tensor& x) const override {
        const torch::Tensor past = x.reshape({x.size(0), kSteps, 3});
        torch::Tensor previous = past.select(1, kSteps - 2), current = past.select(1, kSteps - 1);
        std::vector<torch::Tensor> future;
        for (int k = 0; k < kSteps; ++k) {
            future.push_back(step(previous, current));
            previous = current;
            current = future.back();
        }
        return torch::stack(future, 1).reshape({x.size(0), kSteps * 3});
    }

  private:
    static constexpr int kSteps = 6;
    static constexpr double kSpeed = 0.3, kDrag = 0.5;

    torch::Tensor step(const torch::Tensor& previous, const torch::Tensor& current) const {
        const torch::Tensor v = current - previous;
        torch::Tensor next = current + v - kDrag * v.norm(2, -1, true) * v;
        torch::Tensor gravity = torch::zeros({3}, current.options());
        gravity[axis_ - 'x'] = 0.1 * epsilon_;
        return next - gravity;
    }

    char axis_;
    double epsilon_;
};

// PER group names as the core's group parser spells them.
std::string coreGroupName(const std::string& per) {
    if (per.size() == 3 && per.rfind("O2", 0) == 0) return "O2(" + std::string(1, per[2]) + ")";
    if (per.size() == 4 && per.rfind("SO2", 0) == 0) return "SO2(" + std::string(1, per[3]) + ")";
    return per;
}

} // namespace

std::unique_ptr<Task> makeTask(const std::string& name, const std::string& variant,
                               double epsilon) {
    if (name == "inertia") {
        const std::string axis = variant.empty() ? "z" : variant;
        if (axis != "x" && axis != "y" && axis != "z")
            throw Error("inertia: --variant is the axis x, y or z, got '" + variant + "'");
        return std::make_unique<InertiaTask>(axis[0], epsilon);
    }
    if (name == "motion") {
        const std::string axis = variant.empty() ? "z" : variant;
        if (axis != "x" && axis != "y" && axis != "z")
            throw Error("motion: --variant is the gravity axis x, y or z, got '" + variant + "'");
        return std::make_unique<MotionTask>(axis[0], epsilon);
    }
    if (name == "cossim") {
        const std::string v = variant.empty() ? "so3-scale" : variant;
        if (v != "so3-scale" && v != "so3" && v != "scale" && v != "none")
            throw Error("cossim: --variant is so3-scale, so3, scale or none, got '" + variant +
                        "'");
        return std::make_unique<CosineTask>(v, epsilon);
    }
    throw Error("unknown task '" + name + "' (inertia, cossim, motion)");
}

double averageDisplacementError(const torch::Tensor& predicted, const torch::Tensor& truth) {
    return (predicted - truth)
        .reshape({predicted.size(0), -1, 3})
        .norm(2, -1)
        .mean()
        .item<double>();
}

torch::Tensor act(const Layout& layout, const Eigen::Matrix3d& a, const torch::Tensor& values) {
    const int d = layout.dim();
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(d, d);
    int at = 0;
    for (const Layout::Part& p : layout.parts) {
        const Eigen::MatrixXd block = groupAction(p.channel, a, p.weight);
        const int n = dimension(p.channel);
        for (int k = 0; k < p.copies; ++k, at += n) m.block(at, at, n, n) = block;
    }
    torch::Tensor mt = torch::empty({d, d}, torch::kFloat64);
    auto acc = mt.accessor<double, 2>();
    for (int i = 0; i < d; ++i)
        for (int j = 0; j < d; ++j) acc[i][j] = m(i, j);
    return torch::matmul(values, mt.to(values.options()).t());
}

double equivarianceError(const Task& task, const std::string& group,
                         const std::function<torch::Tensor(const torch::Tensor&)>& f, int samples,
                         uint64_t seed) {
    const auto g = makeGroup(coreGroupName(group));
    Rng rng(seed);
    const torch::Tensor x = task.inputs(samples, seed + 1);
    const torch::Tensor fx = f(x);
    double total = 0;
    for (int s = 0; s < samples; ++s) {
        const Eigen::Matrix3d a = g->sample(rng, {1, 1.0}).linear;
        const torch::Tensor xs = x.narrow(0, s, 1);
        const torch::Tensor left = f(act(task.input(), a, xs));
        const torch::Tensor right = act(task.output(), a, fx.narrow(0, s, 1));
        total += ((left - right).norm() / (left.norm() + right.norm() + 1e-12)).item<double>();
    }
    return total / samples;
}

} // namespace equiscope::per
