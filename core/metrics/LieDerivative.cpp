#include "metrics/LieDerivative.h"

#include "metrics/BatchedAction.h"
#include "util/Error.h"

namespace equiscope {

std::vector<LieReport> lieDerivatives(const Evaluator& evaluator, const Group& group) {
    if (!evaluator.options().float64)
        throw Error("the Lie derivative is computed in float64; evaluate with float64");
    const auto generators = group.generators();
    if (generators.empty())
        throw Error("group " + group.name() + " is finite: it has no Lie algebra");
    const double radius = evaluator.context().scale;
    // Elements g_{+h}, g_{-h} for every generator, in one batch.
    std::vector<GroupElement> elements, inverses;
    std::vector<double> steps;
    for (const Generator& g : generators) {
        const double h = g.linear.isZero() ? kLieStep * radius : kLieStep;
        steps.push_back(h);
        for (const double s : {h, -h}) {
            elements.push_back(exponential(g.linear, g.translation, s));
            inverses.push_back(elements.back().inverse());
        }
    }
    const ModelSpec& spec = evaluator.model().spec();
    const torch::Tensor outputs = evaluator.forwardTransformed(elements); // f(g_s . x)
    // g_s^-1 applied to each element's own output: one element at a time.
    std::vector<torch::Tensor> pulled;
    for (std::size_t i = 0; i < elements.size(); ++i)
        pulled.push_back(
            transformOutputs({inverses[i]}, outputs.narrow(0, static_cast<int64_t>(i), 1), spec));
    const torch::Tensor& y0 = evaluator.baseline();
    const double scale =
        spec.perNode ? y0[0].norm(2, -1).mean().item<double>() : y0[0].norm().item<double>();
    std::vector<LieReport> reports;
    for (std::size_t k = 0; k < generators.size(); ++k) {
        const torch::Tensor derivative = (pulled[2 * k] - pulled[2 * k + 1])[0] / (2 * steps[k]);
        LieReport r;
        r.generator = generators[k].name;
        const torch::Tensor norms =
            (spec.perNode ? derivative.norm(2, -1) : derivative.norm().reshape({1}))
                .contiguous()
                .cpu();
        r.meanNorm = norms.mean().item<double>();
        r.relativeNorm = r.meanNorm / (scale + 1e-12);
        if (spec.perNode)
            r.nodeNorm.assign(norms.data_ptr<double>(), norms.data_ptr<double>() + norms.numel());
        reports.push_back(r);
    }
    return reports;
}

} // namespace equiscope
