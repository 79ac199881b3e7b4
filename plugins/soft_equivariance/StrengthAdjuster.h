#pragma once
// PER's automatic strength update (methods.md section 1(b), `AdjustEquiv` in the authors'
// code): a one-shot re-weighting of the regularizer strengths lambda_j at epoch E_adj.
//
//   observe(): called after every epoch. From epoch E_adj - 100 to E_adj + 1 the regularizer
//   vector R (one entry per group) is recorded; the first 50 of those calls are warm-up;
//   after that the running minimum R^min is kept, replacing the WHOLE vector whenever any
//   component improves (a quirk of the original, kept on purpose).
//   adjust(): at epoch E_adj, lambda_j <- lambda_j / (R^min_j / R*)^p with R* the smallest
//   R^min_j over groups with lambda_j != 0. The most equivariant group keeps its strength;
//   less equivariant ones lose strength polynomially. Groups with lambda_j = 0 (the
//   reference group) stay 0.

#include <optional>
#include <vector>

namespace equiscope::per {

class StrengthAdjuster {
  public:
    StrengthAdjuster(int adjustEpoch, double exponent, int warmupCalls = 50, int window = 100)
        : adjustEpoch_(adjustEpoch), exponent_(exponent), warmup_(warmupCalls), window_(window) {}

    void observe(int epoch, const std::vector<double>& regularizers);
    // Applies the update when `epoch` is the adjustment epoch; returns whether it did.
    bool adjust(int epoch, std::vector<double>& lambdas) const;

    const std::optional<std::vector<double>>& minimum() const { return minimum_; }
    int adjustEpoch() const { return adjustEpoch_; }
    // What a checkpoint keeps: the calls seen so far and the running minimum.
    int calls() const { return calls_; }
    void restore(int calls, std::optional<std::vector<double>> minimum) {
        calls_ = calls;
        minimum_ = std::move(minimum);
    }

  private:
    int adjustEpoch_;
    double exponent_;
    int warmup_, window_;
    int calls_ = 0;
    std::optional<std::vector<double>> minimum_;
};

} // namespace equiscope::per
