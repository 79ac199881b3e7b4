#pragma once
// Equivariance error (architecture.md, "Equivariance error"): for an element g and node i,
//   e_i(g) = |f(g.x)_i - g.f(x)_i| / (mean_j |f(x)_j| + eps),
// aggregated as mean and max over nodes and elements; per-graph outputs use
// |f(g.x) - g.f(x)| / (|f(x)| + eps). Many elements run as one batched forward [B,N,...];
// out of memory, the batch is halved, and a CUDA model that cannot take one goes to the CPU.
// The transforms themselves are done in float64, so the reported error is the model's.

#include "data/Sample.h"
#include "groups/Group.h"
#include "metrics/AutoBatch.h"
#include "models/Model.h"
#include "util/Progress.h"

#include <memory>
#include <string>
#include <vector>

namespace equiscope {

struct EvaluationOptions {
    int samples = 16;     // group elements per check
    uint64_t seed = 0;    // of the element sampler
    bool float64 = false; // the model's dtype during evaluation
    DeviceKind device = DeviceKind::Cpu;
    std::vector<std::string> features; // fields for feat; empty: the spec's default rule
    // Elements per forward, at most ~262k nodes per forward; 0: all at once; kBatchAuto:
    // from one forward's measured peak memory and the device's budget (metrics/AutoBatch.h).
    int batch = kBatchAuto;
    // Graphs built from distances (kNN) made once on x and relabelled for every distance-
    // preserving element (models/DistanceGraphs.h); false rebuilds them on each g.x.
    bool reuseGraphs = true;
    double epsilon = 1e-12;
};

// The relative error under which a computation that is exact in exact arithmetic lands
// from round-off alone: 1e-5 in float32 (about 100 ulp), 1e-12 in float64. Errors below
// it are "exact to round-off".
double roundOffTolerance(bool float64);

struct ErrorReport {
    std::string group;
    int samples = 0;
    double meanError = 0, maxError = 0;
    std::vector<double> elementMean, elementMax; // per element
    std::vector<double> nodeMean; // per original node, mean over elements (per-node outputs)
    std::vector<GroupElement> elements;
    uint64_t seed = 0;
    std::string dtype, device, features;
    double seconds = 0;
};

// Both paths for one element, for drawing: f(g.x) and g.f(x) per output row, rows in the
// order of g.x (row i is original node g.source(i)).
struct TwoPaths {
    std::vector<double> transformedThenModel, modelThenTransformed; // [rows, C]
    std::vector<double> untransformed;                              // f(x), [rows, C] in node order
    std::vector<double> rowError;                                   // [rows]
    int64_t channels = 0;
};

// One element's errors as the live view shows them, from its two paths: per original node
// (rows are in the order of g.x, so row i is node g.source(i); all zero for per-sample
// outputs), and the mean and max over the rows, as a check aggregates them.
struct NodeErrors {
    std::vector<double> perNode;
    double mean = 0, max = 0;
};
NodeErrors nodeErrors(const TwoPaths& paths, const GroupElement& element, bool perNode);

class Evaluator {
  public:
    // Moves the model to the options' device and dtype and computes f(x) once.
    Evaluator(Model& model, const Sample& sample, EvaluationOptions options);
    ~Evaluator();

    // Errors for the given elements, batched.
    ErrorReport errors(const std::vector<GroupElement>& elements, const std::string& groupName,
                       const Progress& progress = {}) const;
    // `samples` elements drawn from the group with the options' seed.
    ErrorReport check(const Group& group, const Progress& progress = {}) const;
    TwoPaths twoPaths(const GroupElement& element) const;

    const EvaluationOptions& options() const { return options_; }
    // Elements per forward (0: all at once), `--batch auto` resolved, and how it was chosen
    // ("auto: 12 elements per forward (one forward peaks at 3.1 MB; budget 64 MB, ...)").
    int batch() const;
    const std::string& batchChoice() const;
    // Peak memory LibTorch took for one element's forward on the evaluation device,
    // measured (on a second forward of x) only for kBatchAuto; 0 otherwise.
    int64_t forwardBytes() const;
    // Distance graphs of x built so far for reuse (one per model graph kind, e.g. kNN).
    int graphBuilds() const;
    SampleContext context() const;
    const std::string& featureDescription() const;
    Model& model() const { return model_; }

    // f(g.x) for each element as float64 on the evaluation device ([B,N,C] or [B,C]);
    // what sweeps and Lie derivatives build on.
    at::Tensor forwardTransformed(const std::vector<GroupElement>& elements) const;
    const at::Tensor& baseline() const; // f(x), float64 on the device, [1,N,C] or [1,C]
    // What the evaluation had to change so far, one line each: a batch halved after an
    // out-of-memory error (c10::OutOfMemoryError), or the model moved from CUDA to the CPU.
    const std::vector<std::string>& notes() const;

  private:
    void chooseBatch();
    at::Tensor forwardBatch(const std::vector<GroupElement>& elements) const;
    at::Tensor afterOutOfMemory(const std::vector<GroupElement>& elements,
                                const std::string& message) const;

    Model& model_;
    const Sample& sample_;
    EvaluationOptions options_;
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace equiscope
