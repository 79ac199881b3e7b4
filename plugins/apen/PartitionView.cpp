#include "PartitionView.h"

#include "ApenModel.h"
#include "models/Features.h"
#include "util/Error.h"

namespace equiscope::apen {

namespace {

template <typename T> std::vector<T> toVector(const torch::Tensor& t) {
    const torch::Tensor c = t.detach().to(torch::kCPU).contiguous();
    return {c.data_ptr<T>(), c.data_ptr<T>() + c.numel()};
}

void add(PartitionView& v, const std::string& name, const LayerTrace& t) {
    v.names.push_back(name + " (" + std::to_string(t.parts) + " parts)");
    v.labels.push_back(toVector<int64_t>(t.labels));
    v.parts.push_back(t.parts);
    v.doubt.push_back(toVector<double>(partUncertainty(t.probabilities).to(torch::kFloat64)));
}

} // namespace

PartitionView partitionView(Model& model, const Sample& sample, const EvaluationOptions& o) {
    if (!model.hasPartition()) throw Error("model " + model.name() + " predicts no partition");
    model.setFloat64(o.float64);
    model.setDevice(o.device);
    const auto options = torch::TensorOptions()
                             .dtype(o.float64 ? torch::kFloat64 : torch::kFloat32)
                             .device(o.device == DeviceKind::Cuda ? torch::kCUDA : torch::kCPU);
    const int64_t n = sample.nodeCount();
    const FeatureSelection f = selectFeatures(sample, model.spec().featureDim, o.features);
    const torch::Tensor x =
        torch::tensor(sample.positions().values, torch::kFloat64).view({n, 3}).to(options);
    const torch::Tensor feat =
        torch::tensor(f.values, torch::kFloat64).view({n, f.width}).to(options);
    torch::NoGradGuard noGrad;
    PartitionView v;
    torch::Tensor doubt = torch::zeros({n}, torch::kFloat64), entropy = doubt.clone();
    if (auto* apen = dynamic_cast<ApenModel*>(&model)) {
        const ApenTrace t = apen->trace(x, feat);
        for (std::size_t l = 0; l < t.layers.size(); ++l) {
            add(v, l == 0 ? "cells" : "layer " + std::to_string(l + 1), t.layers[l]);
            if (l == 0) continue; // Q_simple: its term is lambda, not an uncertainty
            doubt += partUncertainty(t.layers[l].probabilities).to(torch::kCPU).to(torch::kFloat64);
            entropy += partEntropy(t.layers[l].probabilities).to(torch::kCPU).to(torch::kFloat64);
        }
        add(v, "final", t.final);
    } else {
        const torch::Tensor q = model.partition(x.unsqueeze(0), feat.unsqueeze(0))[0];
        LayerTrace t;
        t.probabilities = q;
        t.labels = q.argmax(-1);
        t.parts = q.size(1);
        add(v, "partition()", t);
        doubt = partUncertainty(q).to(torch::kCPU).to(torch::kFloat64);
        entropy = partEntropy(q).to(torch::kCPU).to(torch::kFloat64);
    }
    v.nodeUncertainty = toVector<double>(doubt);
    v.nodeEntropy = toVector<double>(entropy);
    return v;
}

} // namespace equiscope::apen
