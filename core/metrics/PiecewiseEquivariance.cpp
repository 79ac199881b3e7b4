#include "metrics/PiecewiseEquivariance.h"

#include "groups/Action.h"
#include "models/Features.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <chrono>
#include <torch/torch.h>

namespace equiscope {

namespace {

struct Inputs {
    torch::TensorOptions options;
    torch::Tensor feat; // [1,N,F]
    torch::Tensor edges;
};

Inputs prepare(Model& model, const Sample& sample, const EvaluationOptions& o) {
    model.setFloat64(o.float64);
    model.setDevice(o.device);
    Inputs in;
    in.options = torch::TensorOptions()
                     .dtype(o.float64 ? torch::kFloat64 : torch::kFloat32)
                     .device(o.device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU);
    const FeatureSelection f = selectFeatures(sample, model.spec().featureDim, o.features);
    in.feat = torch::tensor(f.values, torch::kFloat64)
                  .reshape({1, sample.nodeCount(), f.width})
                  .to(in.options);
    if (model.spec().usesEdges())
        in.edges = torch::tensor(sample.edgeIndex, torch::kInt64)
                       .reshape({2, sample.edgeCount()})
                       .to(in.options.device());
    return in;
}

torch::Tensor positionsOf(const Sample& s, const torch::TensorOptions& options) {
    const Field& p = s.positions();
    return torch::tensor(p.values, torch::kFloat64).reshape({1, p.rows(), 3}).to(options);
}

} // namespace

Partition predictedPartition(Model& model, const Sample& sample, const EvaluationOptions& o) {
    if (!model.hasPartition())
        throw Error("--parts pred: model " + model.name() + " predicts no partition");
    const Inputs in = prepare(model, sample, o);
    torch::NoGradGuard noGrad;
    const torch::Tensor q = model.partition(positionsOf(sample, in.options), in.feat);
    const torch::Tensor z = q[0].argmax(-1).to(torch::kCPU).contiguous();
    return compactPartition(
        std::vector<int64_t>(z.data_ptr<int64_t>(), z.data_ptr<int64_t>() + z.numel()));
}

PiecewiseReport piecewiseErrors(Model& model, const Sample& sample, const Partition& partition,
                                const std::vector<std::vector<GroupElement>>& sets,
                                const EvaluationOptions& o, const Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    const ModelSpec& spec = model.spec();
    if (!spec.perNode)
        throw Error("PiecewiseE3 acts per node; model " + model.name() +
                    " returns one value per graph");
    const int64_t n = sample.nodeCount();
    if (static_cast<int64_t>(partition.labels.size()) != n || partition.parts < 1)
        throw Error("PiecewiseE3: the partition does not cover the data's " + std::to_string(n) +
                    " nodes");
    if (sets.empty()) throw Error("PiecewiseE3: no element sets to check");
    const Inputs in = prepare(model, sample, o);
    torch::NoGradGuard noGrad;
    const torch::Tensor base = model.forward(positionsOf(sample, in.options), in.feat, in.edges)
                                   .to(torch::kCPU)
                                   .to(torch::kFloat64)
                                   .contiguous();
    const int64_t c = base.size(2);
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        fx(base.data_ptr<double>(), n, c);
    const double scale = fx.rowwise().norm().mean() + o.epsilon;

    PiecewiseReport r;
    r.partCount = partition.parts;
    r.samples = static_cast<int>(sets.size());
    r.nodeMean.assign(static_cast<std::size_t>(n), 0.0);
    for (std::size_t k = 0; k < sets.size(); ++k) {
        progress.report(static_cast<double>(k) / static_cast<double>(sets.size()),
                        "PiecewiseE3 element set " + std::to_string(k + 1));
        const auto& elements = sets[k];
        const Sample moved = transformPiecewise(sample, partition, elements);
        const torch::Tensor y = model.forward(positionsOf(moved, in.options), in.feat, in.edges)
                                    .to(torch::kCPU)
                                    .to(torch::kFloat64)
                                    .contiguous();
        std::vector<Eigen::MatrixXd> m;
        for (const GroupElement& g : elements)
            m.push_back(fieldMatrix(spec.output, c, spec.outputIrreps, g));
        double sum = 0;
        for (int64_t i = 0; i < n; ++i) {
            const auto j = static_cast<std::size_t>(partition.labels[static_cast<std::size_t>(i)]);
            Eigen::VectorXd expected = m[j] * fx.row(i).transpose();
            if (spec.output == FieldType::Position) expected += elements[j].translation;
            const Eigen::Map<const Eigen::VectorXd> got(y.data_ptr<double>() + i * c, c);
            const double e = (got - expected).norm() / scale;
            r.nodeMean[static_cast<std::size_t>(i)] += e / r.samples;
            r.maxError = std::max(r.maxError, e);
            sum += e;
        }
        r.meanError += sum / static_cast<double>(n) / r.samples;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

PiecewiseReport checkPiecewise(Model& model, const Sample& sample, const Partition& partition,
                               const EvaluationOptions& o, const Progress& progress) {
    Rng rng(o.seed);
    const double radius = sampleContext(sample).scale;
    std::vector<std::vector<GroupElement>> sets;
    for (int k = 0; k < o.samples; ++k)
        sets.push_back(samplePiecewiseE3(rng, sample.positions(), partition, 0.25 * radius));
    return piecewiseErrors(model, sample, partition, sets, o, progress);
}

} // namespace equiscope
