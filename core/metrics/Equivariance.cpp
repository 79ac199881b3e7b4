#include "metrics/Equivariance.h"

#include "metrics/BatchedAction.h"
#include "models/DistanceGraphs.h"
#include "models/Features.h"
#include "util/Error.h"
#include "util/MemoryProbe.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

namespace equiscope {

struct Evaluator::State {
    // All on the evaluation device: transforms and errors never leave it.
    torch::Tensor pos;                // [N,3] float64
    torch::Tensor feat;               // [N,F] float64
    std::vector<int64_t> timeColumns; // of feat: clock readings, shifted by TimeShift
    torch::Tensor edges;              // [2,E] int64, or undefined
    torch::Tensor baseline;           // f(x), float64
    double scale = 0;                 // mean_j |f(x)_j| (per node) or |f(x)| (per graph)
    std::string features;
    // After an out-of-memory error: the largest batch to try, and whether the model was
    // moved to the CPU (inputs go there, outputs come back to the evaluation device).
    std::size_t batchLimit = SIZE_MAX;
    bool onCpu = false;
    std::vector<std::string> notes;
    int batch = kBatchAuto; // until resolved
    int64_t forwardBytes = 0;
    std::string batchChoice;
    std::unique_ptr<DistanceGraphs> graphs; // of x, when options.reuseGraphs
};

namespace {

torch::Tensor fromHost(const std::vector<double>& values, int64_t rows, int64_t cols) {
    return torch::from_blob(const_cast<double*>(values.data()), {rows, cols}, torch::kFloat64)
        .clone();
}

std::string megabytes(int64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

} // namespace

Evaluator::Evaluator(Model& model, const Sample& sample, EvaluationOptions options)
    : model_(model), sample_(sample), options_(std::move(options)),
      state_(std::make_unique<State>()) {
    const Field& pos = sample.positions();
    const int64_t n = pos.rows();
    if (n == 0) throw Error("the data has no points");
    const ModelSpec& spec = model.spec();
    const FeatureSelection feat = selectFeatures(sample, spec.featureDim, options_.features);
    const torch::Device device = options_.device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU;
    state_->pos = fromHost(pos.values, n, 3).to(device);
    state_->feat = fromHost(feat.values, n, feat.width).to(device);
    state_->features = feat.description;
    state_->timeColumns = feat.timeColumns;
    if (options_.reuseGraphs) state_->graphs = std::make_unique<DistanceGraphs>(pos.values, n);
    if (spec.usesEdges()) {
        if (sample.edgeIndex.empty())
            throw Error("the model takes edge_index but the data has no edges");
        state_->edges =
            torch::tensor(sample.edgeIndex, torch::kInt64).reshape({2, sample.edgeCount()});
    }

    model_.setFloat64(options_.float64);
    model_.setDevice(options_.device);
    state_->baseline = forwardTransformed({GroupElement::identity()});
    chooseBatch();
    const torch::Tensor& y = state_->baseline;
    state_->scale =
        spec.perNode ? y[0].norm(2, -1).mean().item<double>() : y[0].norm().item<double>();
}

Evaluator::~Evaluator() = default;

void Evaluator::chooseBatch() {
    if (options_.batch == kBatchAuto) return; // resolved by the first forward that needs it
    state_->batch = std::max(0, options_.batch);
    state_->batchChoice = (state_->batch == 0 ? std::string("all elements")
                                              : std::to_string(state_->batch) + " elements") +
                          " per forward (--batch " + std::to_string(options_.batch) + ")";
}

namespace {

// `--batch auto` from one element's measured forward. It is a forward after f(x): the
// model's first may allocate what it then keeps (weights cast to the dtype, caches), which
// depends on what ran before, and a batch that followed it would make the round-off of a
// scan differ from its shards'.
struct BatchChoice {
    int& batch;
    int64_t& forwardBytes;
    std::string& text;
};

void resolveAutoBatch(BatchChoice c, const PeakMemory& peak, DeviceKind device) {
    c.forwardBytes = device == DeviceKind::Cuda ? peak.cudaBytes : peak.cpuBytes;
    const BatchBudget budget = batchBudget(device);
    c.batch = autoBatchSize(c.forwardBytes, budget);
    c.text = "auto: " + std::to_string(c.batch) + " elements per forward (one forward peaks at " +
             megabytes(c.forwardBytes) + "; budget " + megabytes(budget.bytes) + ", " +
             budget.source + ")";
}

} // namespace

int Evaluator::batch() const {
    if (state_->batch == kBatchAuto) // asked before any check: measured on a forward of x
        resolveAutoBatch({state_->batch, state_->forwardBytes, state_->batchChoice},
                         measurePeakMemory([&] { forwardTransformed({GroupElement::identity()}); }),
                         options_.device);
    return state_->batch;
}
const std::string& Evaluator::batchChoice() const {
    batch();
    return state_->batchChoice;
}
int64_t Evaluator::forwardBytes() const {
    batch();
    return state_->forwardBytes;
}

const at::Tensor& Evaluator::baseline() const {
    return state_->baseline;
}
const std::string& Evaluator::featureDescription() const {
    return state_->features;
}

SampleContext Evaluator::context() const {
    return sampleContext(sample_);
}

int Evaluator::graphBuilds() const {
    return state_->graphs ? state_->graphs->builds() : 0;
}

const std::vector<std::string>& Evaluator::notes() const {
    return state_->notes;
}

at::Tensor Evaluator::forwardTransformed(const std::vector<GroupElement>& elements) const {
    const std::size_t limit = state_->batchLimit;
    if (elements.size() > limit) {
        std::vector<torch::Tensor> outs;
        for (std::size_t first = 0; first < elements.size(); first += limit)
            outs.push_back(forwardTransformed(
                {elements.begin() + static_cast<std::ptrdiff_t>(first),
                 elements.begin() +
                     static_cast<std::ptrdiff_t>(std::min(elements.size(), first + limit))}));
        return torch::cat(outs, 0);
    }
    try {
        return forwardBatch(elements);
    } catch (const c10::OutOfMemoryError& e) {
        return afterOutOfMemory(elements, e.what_without_backtrace());
    }
}

// Halves the batch that ran out of memory; one element that does not fit on CUDA goes to
// the CPU; one that does not fit on the CPU is an Error.
at::Tensor Evaluator::afterOutOfMemory(const std::vector<GroupElement>& elements,
                                       const std::string& message) const {
    const std::string reason = message.substr(0, message.find('\n'));
    const std::string device = state_->onCpu ? "cpu" : deviceName(options_.device);
    if (elements.size() > 1) {
        state_->batchLimit = (elements.size() + 1) / 2;
        state_->notes.push_back("out of memory with " + std::to_string(elements.size()) +
                                " elements per forward on " + device + "; retrying with " +
                                std::to_string(state_->batchLimit) + " (" + reason + ")");
        return forwardTransformed(elements);
    }
    if (device == "cpu")
        throw Error(model_.name() + ": out of memory evaluating one element on the CPU (" + reason +
                    ")");
    state_->notes.push_back("out of memory for one element on " + device +
                            "; evaluating on the CPU from now on (" + reason + ")");
    state_->onCpu = true;
    model_.setDevice(DeviceKind::Cpu);
    return forwardTransformed(elements);
}

at::Tensor Evaluator::forwardBatch(const std::vector<GroupElement>& elements) const {
    const torch::Device device =
        state_->onCpu || options_.device == DeviceKind::Cpu ? torch::kCPU : torch::kCUDA;
    const auto opts = torch::TensorOptions()
                          .dtype(options_.float64 ? torch::kFloat64 : torch::kFloat32)
                          .device(device);
    const torch::Tensor pos = transformPositions(elements, state_->pos).to(opts);
    const torch::Tensor feat =
        transformFeatures(elements, state_->feat, state_->timeColumns).to(opts);
    torch::NoGradGuard noGrad;
    torch::Tensor edges;
    if (state_->edges.defined()) {
        // Edges are shared by the batch, so elements that permute nodes go one at a time.
        bool permutes = false;
        for (const auto& e : elements) permutes = permutes || !e.permutation.empty();
        if (permutes && elements.size() > 1) {
            std::vector<torch::Tensor> outs;
            for (const auto& e : elements) outs.push_back(forwardTransformed({e}));
            return torch::cat(outs, 0);
        }
        edges = state_->edges;
        if (permutes) { // old node v sits at inverse(v) after the permutation
            const GroupElement inv = elements.front().inverse();
            edges = torch::tensor(inv.permutation, torch::kInt64).index({state_->edges});
        }
        edges = edges.to(opts.device());
    }
    std::optional<ScopedDistanceBatch> reuse;
    if (state_->graphs && std::all_of(elements.begin(), elements.end(), preservesDistances))
        reuse.emplace(pos, *state_->graphs, elements);
    return model_.forward(pos, feat, edges).to(state_->pos.device(), torch::kFloat64);
}

double roundOffTolerance(bool float64) {
    return float64 ? 1e-12 : 1e-5;
}

ErrorReport Evaluator::errors(const std::vector<GroupElement>& elements,
                              const std::string& groupName, const Progress& progress) const {
    const auto start = std::chrono::steady_clock::now();
    const ModelSpec& spec = model_.spec();
    const int64_t n = state_->pos.size(0);
    ErrorReport r;
    r.group = groupName;
    r.samples = static_cast<int>(elements.size());
    r.elements = elements;
    r.seed = options_.seed;
    r.dtype = options_.float64 ? "float64" : "float32";
    r.device = deviceName(options_.device);
    r.features = state_->features;
    if (spec.perNode) r.nodeMean.assign(static_cast<std::size_t>(n), 0.0);
    const double denominator = state_->scale + options_.epsilon;
    // At most `batch` elements, and about kBatchNodes nodes, per forward (memory).
    constexpr int64_t kBatchNodes = 1 << 18;
    const std::size_t byNodes = static_cast<std::size_t>(std::max<int64_t>(1, kBatchNodes / n));
    for (std::size_t first = 0, chunk = 1; first < elements.size(); first += chunk) {
        // With --batch auto the first element goes alone and its forward's peak sets the
        // batch for the rest (no forward is spent on measuring).
        const bool measure = state_->batch == kBatchAuto;
        chunk = measure             ? 1
                : state_->batch > 0 ? std::min(static_cast<std::size_t>(state_->batch), byNodes)
                                    : elements.size();
        progress.report(static_cast<double>(first) / static_cast<double>(elements.size()),
                        "evaluating " + groupName);
        const std::vector<GroupElement> part(
            elements.begin() + static_cast<std::ptrdiff_t>(first),
            elements.begin() +
                static_cast<std::ptrdiff_t>(std::min(elements.size(), first + chunk)));
        torch::Tensor actual;
        if (measure)
            resolveAutoBatch({state_->batch, state_->forwardBytes, state_->batchChoice},
                             measurePeakMemory([&] { actual = forwardTransformed(part); }),
                             options_.device);
        else
            actual = forwardTransformed(part);
        const torch::Tensor expected = transformOutputs(part, state_->baseline, spec);
        // Per node: [B,N] row errors; per graph: [B,1].
        const torch::Tensor err = (spec.perNode ? (actual - expected).norm(2, -1)
                                                : (actual - expected).norm(2, -1, true)) /
                                  denominator;
        const auto e = err.contiguous().cpu();
        const double* values = e.data_ptr<double>();
        const int64_t rows = e.size(1);
        for (std::size_t b = 0; b < part.size(); ++b) {
            double sum = 0, max = 0;
            for (int64_t i = 0; i < rows; ++i) {
                const double v = values[static_cast<int64_t>(b) * rows + i];
                sum += v;
                max = std::max(max, std::isnan(v) ? INFINITY : v);
                if (spec.perNode)
                    r.nodeMean[static_cast<std::size_t>(part[b].source(i))] +=
                        v / static_cast<double>(elements.size());
            }
            r.elementMean.push_back(sum / static_cast<double>(rows));
            r.elementMax.push_back(max);
        }
    }
    for (std::size_t b = 0; b < r.elementMean.size(); ++b) {
        r.meanError += r.elementMean[b] / static_cast<double>(r.elementMean.size());
        r.maxError = std::max(r.maxError, r.elementMax[b]);
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

ErrorReport Evaluator::check(const Group& group, const Progress& progress) const {
    Rng rng(options_.seed);
    std::vector<GroupElement> elements;
    for (int i = 0; i < options_.samples; ++i) elements.push_back(group.sample(rng, context()));
    return errors(elements, group.name(), progress);
}

NodeErrors nodeErrors(const TwoPaths& paths, const GroupElement& element, bool perNode) {
    NodeErrors out;
    const std::size_t rows = paths.rowError.size();
    out.perNode.assign(rows, 0.0);
    for (std::size_t i = 0; i < rows; ++i) {
        const double v = paths.rowError[i];
        if (perNode)
            out.perNode[static_cast<std::size_t>(element.source(static_cast<int64_t>(i)))] = v;
        out.mean += v / static_cast<double>(rows);
        out.max = std::max(out.max, v);
    }
    return out;
}

TwoPaths Evaluator::twoPaths(const GroupElement& element) const {
    const torch::Tensor actual = forwardTransformed({element})[0].contiguous().cpu();
    const torch::Tensor expected =
        transformOutputs({element}, state_->baseline, model_.spec())[0].contiguous().cpu();
    const torch::Tensor err = ((actual - expected).norm(2, -1) / (state_->scale + options_.epsilon))
                                  .reshape({-1})
                                  .contiguous();
    TwoPaths t;
    t.channels = actual.size(-1);
    t.transformedThenModel.assign(actual.data_ptr<double>(),
                                  actual.data_ptr<double>() + actual.numel());
    t.modelThenTransformed.assign(expected.data_ptr<double>(),
                                  expected.data_ptr<double>() + expected.numel());
    t.rowError.assign(err.data_ptr<double>(), err.data_ptr<double>() + err.numel());
    const torch::Tensor y = state_->baseline[0].contiguous().cpu();
    t.untransformed.assign(y.data_ptr<double>(), y.data_ptr<double>() + y.numel());
    return t;
}

} // namespace equiscope
