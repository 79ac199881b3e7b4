#include "metrics/LieDerivative.h"

#include "metrics/BatchedAction.h"
#include "util/Error.h"

namespace equiscope {

namespace {

// L_X f at x for one generator, from f(g_{+h} x) and f(g_{-h} x) in one forward.
LieReport measure(const Evaluator& evaluator, const Generator& g, double radius, double scale) {
    const double h = g.linear.isZero() ? kLieStep * radius : kLieStep;
    const std::vector<GroupElement> elements{exponential(g.linear, g.translation, h),
                                             exponential(g.linear, g.translation, -h)};
    const ModelSpec& spec = evaluator.model().spec();
    const torch::Tensor outputs = evaluator.forwardTransformed(elements); // f(g_s . x)
    // g_s^-1 applied to each element's own output.
    const torch::Tensor plus =
        transformOutputs({elements[0].inverse()}, outputs.narrow(0, 0, 1), spec);
    const torch::Tensor minus =
        transformOutputs({elements[1].inverse()}, outputs.narrow(0, 1, 1), spec);
    const torch::Tensor derivative = (plus - minus)[0] / (2 * h);
    const torch::Tensor norms =
        (spec.perNode ? derivative.norm(2, -1) : derivative.norm().reshape({1})).contiguous().cpu();
    LieReport r;
    r.generator = g.name;
    r.meanNorm = norms.mean().item<double>();
    r.relativeNorm = r.meanNorm / (scale + 1e-12);
    if (spec.perNode)
        r.nodeNorm.assign(norms.data_ptr<double>(), norms.data_ptr<double>() + norms.numel());
    return r;
}

} // namespace

std::vector<LieReport> lieDerivatives(const Evaluator& evaluator, const Group& group,
                                      const Progress& progress, const LiePartial& partial) {
    if (!evaluator.options().float64)
        throw Error("the Lie derivative is computed in float64; evaluate with float64");
    const auto generators = group.generators();
    if (generators.empty())
        throw Error("group " + group.name() + " is finite: it has no Lie algebra");
    const double radius = evaluator.context().scale;
    const torch::Tensor& y0 = evaluator.baseline();
    const double scale = evaluator.model().spec().perNode ? y0[0].norm(2, -1).mean().item<double>()
                                                          : y0[0].norm().item<double>();
    const auto all = static_cast<int>(generators.size());
    std::vector<LieReport> reports;
    for (const Generator& g : generators) {
        progress.report(static_cast<double>(reports.size()) / all, "Lie derivative: " + g.name);
        reports.push_back(measure(evaluator, g, radius, scale));
        if (partial) partial(reports, all);
    }
    return reports;
}

} // namespace equiscope
