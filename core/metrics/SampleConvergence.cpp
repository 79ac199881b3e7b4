#include "metrics/SampleConvergence.h"

#include "util/Error.h"

#include <cmath>

namespace equiscope {

namespace {

double logLogSlope(const std::vector<ConvergencePoint>& points) {
    double mx = 0, my = 0;
    for (const auto& p : points) {
        mx += std::log(p.samples);
        my += std::log(p.meanError);
    }
    const double n = static_cast<double>(points.size());
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0;
    for (const auto& p : points) {
        const double dx = std::log(p.samples) - mx;
        sxy += dx * (std::log(p.meanError) - my);
        sxx += dx * dx;
    }
    return sxx > 0 ? sxy / sxx : 0;
}

} // namespace

ConvergenceReport sampleConvergence(const ModelForSamples& makeModel, const Sample& sample,
                                    const EvaluationOptions& options, const Group& group,
                                    const std::vector<int>& samples, const Progress& progress) {
    if (samples.size() < 2) throw Error("a convergence sweep needs at least two values of K");
    for (std::size_t i = 0; i < samples.size(); ++i)
        if (samples[i] < 1 || (i > 0 && samples[i] <= samples[i - 1]))
            throw Error("the values of K must be positive and increasing");
    ConvergenceReport r;
    r.group = group.name();
    for (std::size_t i = 0; i < samples.size(); ++i) {
        progress.report(static_cast<double>(i) / static_cast<double>(samples.size()),
                        "K = " + std::to_string(samples[i]));
        const std::unique_ptr<Model> model = makeModel(samples[i]);
        const ErrorReport e = Evaluator(*model, sample, options).check(group);
        ConvergencePoint p{samples[i], e.meanError, e.maxError, 0};
        const ConvergencePoint& first = r.points.empty() ? p : r.points.front();
        p.reference = first.meanError * std::sqrt(static_cast<double>(first.samples) / p.samples);
        r.points.push_back(p);
    }
    bool positive = true;
    for (const auto& p : r.points) positive = positive && p.meanError > 0;
    r.slope = positive ? logLogSlope(r.points) : 0;
    return r;
}

} // namespace equiscope
