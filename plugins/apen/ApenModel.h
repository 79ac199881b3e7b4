#pragma once
// The built-in "apen" model: ApenNetwork behind the Model interface. Its output is each
// node's vote for its part's centre (a position); partition() returns the part
// probabilities predicted from the last votes, as model-format.md's partition() does.

#include "ApenNetwork.h"
#include "models/ModelRegistry.h"
#include "models/ModuleModel.h"

namespace equiscope::apen {

class ApenModel : public ModuleModel {
  public:
    ApenModel(const ModelOptions& options, ApenNetwork net);

    at::Tensor forward(const at::Tensor& pos, const at::Tensor& feat,
                       const at::Tensor& edgeIndex) override;
    bool hasPartition() const override { return true; }
    at::Tensor partition(const at::Tensor& pos, const at::Tensor& feat) override;

    // Every layer's partition and votes for one scene (pos [N,3], feat [N,F]).
    ApenTrace trace(const at::Tensor& pos, const at::Tensor& feat);
    ApenNetwork& network() { return net_; }

  private:
    ApenNetwork net_;
};

} // namespace equiscope::apen
