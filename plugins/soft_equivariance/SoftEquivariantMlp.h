#pragma once
// PER's model (methods.md section 1): an unconstrained MLP whose layer shapes come from the
// reference group's representations, with one equivariance regularizer per (layer,
// candidate group). Layers act on typed channels (scalars, vectors, rank-2 tensors):
//   linear (typed layout -> scalars + gates + vectors + tensors), then EMLP's gated
//   nonlinearity (SiLU on scalars; each vector / tensor channel times sigmoid of its gate),
//   then a bilinear step that appends outer products of vector pairs as tensor channels
//   (vector (x) vector is a rank-2 tensor: equivariant for every candidate group).
// Includes torch.

#include "Projector.h"

#include <memory>
#include <string>
#include <vector>

namespace equiscope::per {

struct MlpShape {
    int hiddenScalars = 32, hiddenVectors = 16, hiddenTensors = 4, outerProducts = 4, layers = 3;
};

class SoftEquivariantMlpImpl : public torch::nn::Module {
  public:
    SoftEquivariantMlpImpl(const Layout& in, const Layout& out, const MlpShape& shape,
                           const std::vector<std::string>& groups);
    torch::Tensor forward(const torch::Tensor& x);

    // R_j = sum over layers of R_{i,j}, one per candidate group (differentiable).
    std::vector<torch::Tensor> regularizers() const;
    // Replaces every layer's weights by their projection onto group j's equivariant subspace.
    void project(std::size_t group);
    const std::vector<std::string>& groups() const { return groups_; }

  private:
    struct LayerInfo {
        Layout in, out; // `out` before the gate and the bilinear step
        int scalars, gates, vectors, tensors, outer;
        std::vector<LayerProjector> projectors; // per group
    };
    std::vector<std::string> groups_;
    std::vector<LayerInfo> info_;
    std::vector<torch::Tensor> weights_, biases_;
};
TORCH_MODULE(SoftEquivariantMlp);

} // namespace equiscope::per
