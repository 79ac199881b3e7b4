#pragma once
// PER's model (methods.md section 1): an MLP whose layer shapes come from the reference
// group's representations, with one equivariance regularizer per (layer, candidate group).
// Layers act on typed channels (scalars, vectors, rank-2 tensors):
//   linear (typed layout -> scalars + gates + vectors + tensors), then EMLP's gated
//   nonlinearity (SiLU on scalars; each vector / tensor channel times sigmoid of its gate),
//   then a bilinear step that appends outer products of vector pairs as tensor channels
//   (vector (x) vector is a rank-2 tensor: equivariant for every candidate group).
// When a candidate group scales, the input is first joined by its scale-free copy (vectors
// divided by their RMS length s, tensors by s^2; weight 0, still rotating) and the hidden
// channels carry weight 0: scale-invariant outputs such as a cosine then have an exactly
// scale-equivariant path, and only what truly depends on size has to break scaling.
// Includes torch.

#include "Projector.h"

#include <memory>
#include <string>
#include <vector>

namespace equiscope::per {

struct MlpShape {
    int hiddenScalars = 32, hiddenVectors = 16, hiddenTensors = 4, outerProducts = 4, layers = 3;
};

// How the weights relate to the reference group G_0 (the baselines of methods.md 1(b)).
enum class Constraint {
    Soft,            // PER and the plain MLP: free weights; equivariance only via the regularizer
    ResidualPathway, // RPP: W = P_0 W_eq + W_free, W_free under its own, stronger L2 penalty
    Hard,            // EMLP: W = P_0 W, exactly G_0-equivariant
};

class SoftEquivariantMlpImpl : public torch::nn::Module {
  public:
    SoftEquivariantMlpImpl(const Layout& in, const Layout& out, const MlpShape& shape,
                           const std::vector<std::string>& groups,
                           Constraint constraint = Constraint::Soft);
    torch::Tensor forward(const torch::Tensor& x);

    // R_j = sum over layers of R_{i,j} of the weights in use, one per candidate group
    // (differentiable).
    std::vector<torch::Tensor> regularizers() const;
    // The residual pathway's L2 penalty 0.5 |W_free|^2 (zero for the other constraints).
    torch::Tensor residualNorm() const;
    // Replaces every layer's weights in use by their projection onto group j's subspace
    // (not for Hard, whose weights always stay in G_0's).
    void project(std::size_t group);
    const std::vector<std::string>& groups() const { return groups_; }
    Constraint constraint() const { return constraint_; }

  private:
    struct LayerInfo {
        Layout in, out; // `out` before the gate and the bilinear step
        int scalars, gates, vectors, tensors, outer;
        std::vector<LayerProjector> projectors; // per group
    };
    torch::Tensor weight(std::size_t layer) const;
    torch::Tensor bias(std::size_t layer) const;
    torch::Tensor scaleFree(const torch::Tensor& x) const;

    std::vector<std::string> groups_;
    Constraint constraint_;
    Layout input_;
    bool scaleFreeInput_ = false;
    std::vector<LayerInfo> info_;
    std::vector<torch::Tensor> weights_, biases_, freeWeights_, freeBiases_;
};
TORCH_MODULE(SoftEquivariantMlp);

} // namespace equiscope::per
