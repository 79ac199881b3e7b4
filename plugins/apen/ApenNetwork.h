#pragma once
// APEN (methods.md section 2): approximately piecewise E(3)-equivariant point network. A
// fine initial partition (farthest-point sampling, soft Voronoi), then L layers, each a
// per-part frame-averaged PointNet (mean-pooled; the exactly piecewise-equivariant layer psi(X, Z)
// for the hard partition Z it is given) that outputs invariant features and per-point votes for
// their part's centre; the next layer's partition comes from the votes by a Gaussian
// mixture whose centres may merge (coarsening, sigma growing with depth). Includes torch.

#include <torch/torch.h>
#include <vector>

namespace equiscope::apen {

struct ApenConfig {
    int layers = 4;
    int hidden = 48;
    int initialParts = 32; // k of the farthest-point / Voronoi partition
    // sigmas[0]: softness of the Voronoi assignment; sigmas[l], l >= 1: the mixture's
    // standard deviation (and merge distance) for the partition after layer l. Data units.
    std::vector<double> sigmas = {0.25, 0.2, 0.35, 0.5, 0.6};
    int emIterations = 3;
};

// What one layer used and produced, for one scene.
struct LayerTrace {
    torch::Tensor probabilities; // [N,K] the soft partition Q (rows sum to 1)
    torch::Tensor labels;        // [N] int64, argmax of Q, compact 0..K-1
    torch::Tensor votes;         // [N,3] the layer's part-centre votes
    int64_t parts = 0;
};

struct ApenTrace {
    std::vector<LayerTrace> layers; // L entries
    LayerTrace final;               // the partition predicted from the last votes (no votes)
};

class ApenNetworkImpl : public torch::nn::Module {
  public:
    ApenNetworkImpl(const ApenConfig& config, int64_t featureDim);

    // One scene: x [N,3], feat [N,F] -> votes [N,3] (a position per node: its part's
    // centre). `trace` (optional) receives every layer's partition and votes.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& feat,
                          ApenTrace* trace = nullptr);
    // Every layer on one given hard partition (labels [N], compact): exactly piecewise
    // E(3)-equivariant for that partition (methods.md 2(e) checks 1-3).
    torch::Tensor forwardFixed(const torch::Tensor& x, const torch::Tensor& feat,
                               const torch::Tensor& labels);

  private:
    ApenConfig config_;
    std::vector<torch::nn::Sequential> point_, head_;
    // One layer: (features, votes) for the hard partition `labels` with `parts` parts.
    std::pair<torch::Tensor, torch::Tensor> layer(int l, const torch::Tensor& x,
                                                  const torch::Tensor& h,
                                                  const torch::Tensor& labels, int64_t parts);
};
TORCH_MODULE(ApenNetwork);

// The fine initial partition: farthest-point sampling of k centres (from the point farthest
// from the centroid), Q_ij proportional to exp(-|x_i - c_j|^2 / (2 sigma^2)).
LayerTrace voronoiPartition(const torch::Tensor& x, int64_t k, double sigma);

// The next partition from votes [N,3]: mixture centres start at each current part's mean
// vote, `iterations` EM steps with fixed isotropic sigma, centres closer than sigma merge
// (their weights add); Q from the final mixture, empty components dropped.
LayerTrace mixturePartition(const torch::Tensor& votes, const torch::Tensor& labels, int64_t parts,
                            double sigma, int iterations);

// Per node: the entropy of its row of Q (nats) and 1 - max_j Q_ij.
torch::Tensor partEntropy(const torch::Tensor& probabilities);
torch::Tensor partUncertainty(const torch::Tensor& probabilities);

} // namespace equiscope::apen
