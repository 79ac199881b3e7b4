#include "metrics/Sweep.h"

#include "util/Error.h"
#include "util/Math.h"

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

// Picks the generator to sweep and the parameter range and unit for it.
struct Plan {
    Generator generator;
    double from = 0, to = 0, toGeneratorParameter = 1; // parameter -> s in exp(s G)
    std::string unit;
    bool logarithmic = false;
};

Plan planFor(const Group& group, const Eigen::Vector3d& axis, double rmsRadius) {
    const auto generators = group.generators();
    if (generators.empty())
        throw Error("group " + group.name() +
                    " is finite: there is no one-parameter subgroup to sweep");
    const Eigen::Vector3d a = axis.normalized();
    for (const Generator& g :
         generators) { // a rotation generator first, about the axis when allowed
        if (g.linear.isApprox(-g.linear.transpose()) && !g.linear.isZero()) {
            Plan p;
            const bool fixedAxis = generators.size() == 1 || group.name().rfind("SO2", 0) == 0 ||
                                   group.name().rfind("O2", 0) == 0;
            p.generator =
                fixedAxis ? g : Generator{"rotation about axis", hat(a), Eigen::Vector3d::Zero()};
            p.from = 0;
            p.to = 360;
            p.toGeneratorParameter = kPi / 180;
            p.unit = "deg";
            return p;
        }
    }
    for (const Generator& g : generators)
        if (g.linear.isApprox(Eigen::Matrix3d::Identity())) {
            Plan p{g, 0.5, 2.0, 1, "scale factor", true};
            return p;
        }
    for (const Generator& g : generators)
        if (g.linear.isZero() && !g.translation.isZero()) {
            Plan p{{"translation along axis", Eigen::Matrix3d::Zero(), a},
                   -2 * rmsRadius,
                   2 * rmsRadius,
                   1,
                   "data units"};
            return p;
        }
    Plan p{generators.front(), -1, 1, 1, "generator parameter"};
    return p;
}

// The swept parameter values and their elements; fills the report's generator and unit.
void planElements(const Group& group, const Eigen::Vector3d& axis, const SampleContext& context,
                  int steps, SweepReport& report, std::vector<double>& parameters,
                  std::vector<GroupElement>& elements) {
    if (group.shiftsTime()) { // no coordinates move: the clock runs over the trajectory's span
        report.generator = "time shift";
        report.unit = "time units";
        for (int i = 0; i < steps; ++i) {
            GroupElement e;
            e.timeShift = context.timeSpan * (2.0 * i / (steps - 1) - 1);
            parameters.push_back(e.timeShift);
            elements.push_back(e);
        }
        return;
    }
    const Plan plan = planFor(group, axis, context.scale);
    report.generator = plan.generator.name;
    report.unit = plan.unit;
    for (int i = 0; i < steps; ++i) {
        const double f = static_cast<double>(i) / (steps - 1);
        const double value = plan.logarithmic ? plan.from * std::pow(plan.to / plan.from, f)
                                              : plan.from + f * (plan.to - plan.from);
        parameters.push_back(value);
        const double s = plan.logarithmic ? std::log(value) : value * plan.toGeneratorParameter;
        elements.push_back(exponential(plan.generator.linear, plan.generator.translation, s));
    }
}

} // namespace

SweepReport sweep(const Evaluator& evaluator, const Group& group, const Eigen::Vector3d& axis,
                  int steps, const Progress& progress, const SweepPartial& partial) {
    if (steps < 2) throw Error("a sweep needs at least 2 steps");
    if (axis.norm() < 1e-12) throw Error("the sweep axis must not be zero");
    SweepReport report;
    report.group = group.name();
    std::vector<double> parameters;
    std::vector<GroupElement> elements;
    planElements(group, axis, evaluator.context(), steps, report, parameters, elements);
    if (!partial) { // nobody draws along: one batched evaluation
        const ErrorReport errors = evaluator.errors(elements, group.name(), progress);
        for (std::size_t k = 0; k < elements.size(); ++k)
            report.points.push_back({parameters[k], errors.elementMean[k], errors.elementMax[k]});
        return report;
    }
    // About 24 deliveries, at most a batch of elements per forward.
    const int chunk = std::clamp(steps / 24, 1, std::max(1, evaluator.batch()));
    for (int first = 0; first < steps; first += chunk) {
        progress.report(static_cast<double>(first) / steps, "sweep: " + std::to_string(first) +
                                                                " of " + std::to_string(steps) +
                                                                " points");
        const auto begin = elements.begin() + first;
        const std::vector<GroupElement> some(begin, begin + std::min(chunk, steps - first));
        const ErrorReport errors = evaluator.errors(some, group.name());
        for (std::size_t k = 0; k < some.size(); ++k)
            report.points.push_back({parameters[static_cast<std::size_t>(first) + k],
                                     errors.elementMean[k], errors.elementMax[k]});
        partial(report, steps);
    }
    progress.report(1.0, "sweep: done");
    return report;
}

} // namespace equiscope
