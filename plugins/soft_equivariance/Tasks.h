#pragma once
// PER's synthetic tasks (methods.md section 1, "Synthetic tasks"), with their candidate
// groups and the equivariance error of their true functions. Includes torch.
//
// inertia: k = 5 masses m_i = softplus(N(0,1)) and positions r_i ~ N(0, I);
//   Y = I + eps (I e_a) e_a^T with I = sum_i m_i (|r_i|^2 I - r_i r_i^T). Exactly
//   O(2)-equivariant about e_a; approximately O(3) / other O(2)s, the gap set by eps.
//   Groups: O3 (reference), O2x, O2y, O2z.
// cossim: k = 3 vectors x_i ~ N(0, I); y0 = mean_i cos(x_i, x_{i+1}) (cyclic);
//   so3-scale: y0; so3: y0 - eps mean_i |x_i| (breaks scaling); scale: y0 - eps
//   sum_{i<k/2} |x_i|_1 / sum_{i>=k/2} |x_i|_1 (breaks rotations); none: both terms.
//   Groups: SO3*Scale (reference), SO3, Scale.
// motion: 6 past positions of a body under gravity along e_a (strength eps) and drag -> the
//   next 6 (Tasks.cpp); a synthetic stand-in for gravity-aligned trajectories, scored by the
//   average displacement error. Groups as inertia's.

#include "Projector.h"

#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

namespace equiscope::per {

class Task {
  public:
    virtual ~Task() = default;
    virtual std::string name() const = 0;
    virtual std::string variant() const = 0;
    virtual double epsilon() const = 0;
    virtual Layout input() const = 0;
    virtual Layout output() const = 0;
    virtual std::vector<std::string> groups() const = 0; // the first is the reference group
    virtual torch::Tensor inputs(int64_t samples,
                                 uint64_t seed) const = 0;         // [S, input().dim()] float64
    virtual torch::Tensor truth(const torch::Tensor& x) const = 0; // [S, output().dim()]
    // Outputs are future positions (scored by the average displacement error too).
    virtual bool forecasting() const { return false; }
};

// name: inertia | cossim | motion; variant: inertia's axis or motion's gravity axis (x, y, z;
// default z), or cossim's so3-scale | so3 | scale | none.
std::unique_ptr<Task> makeTask(const std::string& name, const std::string& variant, double epsilon);

// Mean over samples and steps of the Euclidean distance between predicted and true
// positions ([S, 3 k] each): the ADE of forecasting.
double averageDisplacementError(const torch::Tensor& predicted, const torch::Tensor& truth);

// g acting on values [S, layout.dim()] by the 3x3 matrix A (scaled for scale groups).
torch::Tensor act(const Layout& layout, const Eigen::Matrix3d& a, const torch::Tensor& values);

// mean over `samples` elements of group and inputs of rel(f(g.x), g.f(x)) with
// rel(a, b) = |a - b| / (|a| + |b| + 1e-12), PER's relative error.
double equivarianceError(const Task& task, const std::string& group,
                         const std::function<torch::Tensor(const torch::Tensor&)>& f, int samples,
                         uint64_t seed);

} // namespace equiscope::per
