#pragma once
// The equivariant-subspace projector of one linear layer for one candidate group, on typed
// channel layouts, and PER's regularizer R = 0.5 |W - P W|^2 + 0.5 |b - P_b b|^2.
// Includes torch: plugin .cpp files only.

#include "Representations.h"

#include <torch/torch.h>
#include <utility>
#include <vector>

namespace equiscope::per {

// Channels in order: e.g. {{Scalar, 5}, {Vector, 5}} is 5 scalars then 5 vectors (20 values).
// A part may carry a scale weight other than its rank's (Representations.h).
struct Layout {
    struct Part {
        Channel channel;
        int copies;
        int weight = kNaturalWeight;
    };
    std::vector<Part> parts;
    int dim() const;
};

class LayerProjector {
  public:
    LayerProjector(const CandidateGroup& group, const Layout& in, const Layout& out);

    // P W for W [out.dim(), in.dim()] and P_b b for b [out.dim()], differentiable.
    torch::Tensor projectWeight(const torch::Tensor& w) const;
    torch::Tensor projectBias(const torch::Tensor& b) const;
    torch::Tensor regularizer(const torch::Tensor& w, const torch::Tensor& b) const;
    // The number of free parameters of an exactly equivariant layer (the subspace's dimension).
    int64_t equivariantDimension() const;
    // The projector matrices, so that a module can register them as buffers (and move them
    // between devices with its weights).
    std::vector<torch::Tensor*> tensors();

  private:
    struct Block {
        int64_t rowOffset, colOffset, outCopies, inCopies, outDim, inDim;
        torch::Tensor projector; // [outDim*inDim]^2, float64
    };
    struct BiasBlock {
        int64_t offset, copies, dim;
        torch::Tensor projector; // [dim, dim]
    };
    std::vector<Block> blocks_;
    std::vector<BiasBlock> bias_;
};

} // namespace equiscope::per
