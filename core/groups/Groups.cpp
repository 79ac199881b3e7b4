// The basic groups. Sampling ranges are documented in README ("Groups").

#include "groups/BasicGroups.h"
#include "util/Error.h"
#include "util/Math.h"

#include <Eigen/Dense>
#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace equiscope {

namespace {

constexpr double kDeg = kRadiansPerDegree;

Eigen::Matrix3d axisAngle(const std::vector<double>& v, std::size_t at) {
    Eigen::Vector3d axis(v[at], v[at + 1], v[at + 2]);
    if (axis.norm() < 1e-12) return Eigen::Matrix3d::Identity();
    return Eigen::AngleAxisd(v[at + 3] * kDeg, axis.normalized()).toRotationMatrix();
}

std::vector<ParameterSpec> rotationParameters() {
    return {{"axis x", -1, 1, 0, ""},
            {"axis y", -1, 1, 0, ""},
            {"axis z", -1, 1, 1, ""},
            {"angle", -180, 180, 0, "deg"}};
}

// Eigen leaves "{}"-initialized matrices uninitialized, so generators are built here.
Generator linearGenerator(std::string name, const Eigen::Matrix3d& x) {
    return {std::move(name), x, Eigen::Vector3d::Zero()};
}
Generator translationGenerator(std::string name, const Eigen::Vector3d& v) {
    return {std::move(name), Eigen::Matrix3d::Zero(), v};
}

std::vector<Generator> rotationGenerators() {
    return {linearGenerator("Lx", hat(Eigen::Vector3d::UnitX())),
            linearGenerator("Ly", hat(Eigen::Vector3d::UnitY())),
            linearGenerator("Lz", hat(Eigen::Vector3d::UnitZ()))};
}

// Reflection through the plane orthogonal to a unit vector n.
Eigen::Matrix3d householder(const Eigen::Vector3d& n) {
    return Eigen::Matrix3d::Identity() - 2 * n * n.transpose();
}

// Any unit vector orthogonal to a.
Eigen::Vector3d orthogonalTo(const Eigen::Vector3d& a) {
    const Eigen::Vector3d other =
        std::abs(a.x()) < 0.9 ? Eigen::Vector3d::UnitX() : Eigen::Vector3d::UnitY();
    return a.cross(other).normalized();
}

// exp of a symmetric matrix through its eigen-decomposition (exact, no series).
Eigen::Matrix3d expSymmetric(const Eigen::Matrix3d& x) {
    Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(x);
    return eig.eigenvectors() * eig.eigenvalues().array().exp().matrix().asDiagonal() *
           eig.eigenvectors().transpose();
}

Eigen::Matrix3d symmetricFrom(double xx, double yy, double zz, double xy, double xz, double yz) {
    Eigen::Matrix3d m;
    m << xx, xy, xz, xy, yy, yz, xz, yz, zz;
    return m;
}

} // namespace

Eigen::Matrix3d haarRotation(Rng& rng) {
    std::normal_distribution<double> g;
    Eigen::Quaterniond q(g(rng), g(rng), g(rng), g(rng));
    if (q.norm() < 1e-12) return Eigen::Matrix3d::Identity();
    return q.normalized().toRotationMatrix();
}

// ---- T3 ---------------------------------------------------------------------------
std::string TranslationGroup::name() const {
    return "T3";
}
GroupElement TranslationGroup::sample(Rng& rng, const SampleContext& c) const {
    std::normal_distribution<double> g(0.0, c.scale);
    return GroupElement::shift({g(rng), g(rng), g(rng)});
}
std::vector<ParameterSpec> TranslationGroup::parameters() const {
    return {{"tx", -10, 10, 0, "data units"},
            {"ty", -10, 10, 0, "data units"},
            {"tz", -10, 10, 0, "data units"}};
}
GroupElement TranslationGroup::fromParameters(const std::vector<double>& v,
                                              const SampleContext&) const {
    return GroupElement::shift({v[0], v[1], v[2]});
}
std::vector<Generator> TranslationGroup::generators() const {
    return {translationGenerator("Tx", Eigen::Vector3d::UnitX()),
            translationGenerator("Ty", Eigen::Vector3d::UnitY()),
            translationGenerator("Tz", Eigen::Vector3d::UnitZ())};
}

// ---- SO3 / O3 ---------------------------------------------------------------------
std::string RotationGroup::name() const {
    return reflections_ ? "O3" : "SO3";
}
GroupElement RotationGroup::sample(Rng& rng, const SampleContext&) const {
    Eigen::Matrix3d r = haarRotation(rng);
    if (reflections_ && std::bernoulli_distribution(0.5)(rng)) r = -r;
    return GroupElement::linearMap(r);
}
std::vector<ParameterSpec> RotationGroup::parameters() const {
    auto p = rotationParameters();
    if (reflections_) p.push_back({"invert (x -> -x)", 0, 1, 0, ""});
    return p;
}
GroupElement RotationGroup::fromParameters(const std::vector<double>& v,
                                           const SampleContext&) const {
    Eigen::Matrix3d r = axisAngle(v, 0);
    if (reflections_ && v[4] >= 0.5) r = -r;
    return GroupElement::linearMap(r);
}
std::vector<Generator> RotationGroup::generators() const {
    return rotationGenerators();
}

// ---- SO2 / O2 about an axis ------------------------------------------------------
AxialGroup::AxialGroup(Eigen::Vector3d axis, std::string axisName, bool reflections)
    : axis_(axis.normalized()), axisName_(std::move(axisName)), reflections_(reflections) {}
std::string AxialGroup::name() const {
    return std::string(reflections_ ? "O2" : "SO2") + "(" + axisName_ + ")";
}
GroupElement AxialGroup::sample(Rng& rng, const SampleContext&) const {
    const double angle = std::uniform_real_distribution<double>(-kPi, kPi)(rng);
    Eigen::Matrix3d r = Eigen::AngleAxisd(angle, axis_).toRotationMatrix();
    if (reflections_ && std::bernoulli_distribution(0.5)(rng))
        r = r * householder(orthogonalTo(axis_));
    return GroupElement::linearMap(r);
}
std::vector<ParameterSpec> AxialGroup::parameters() const {
    std::vector<ParameterSpec> p = {{"angle", -180, 180, 0, "deg"}};
    if (reflections_) p.push_back({"mirror (plane through the axis)", 0, 1, 0, ""});
    return p;
}
GroupElement AxialGroup::fromParameters(const std::vector<double>& v, const SampleContext&) const {
    Eigen::Matrix3d r = Eigen::AngleAxisd(v[0] * kDeg, axis_).toRotationMatrix();
    if (reflections_ && v[1] >= 0.5) r = r * householder(orthogonalTo(axis_));
    return GroupElement::linearMap(r);
}
std::vector<Generator> AxialGroup::generators() const {
    return {linearGenerator("L(" + axisName_ + ")", hat(axis_))};
}

// ---- Scale ------------------------------------------------------------------------
std::string ScaleGroup::name() const {
    return "Scale";
}
GroupElement ScaleGroup::sample(Rng& rng, const SampleContext&) const {
    const double u = std::uniform_real_distribution<double>(-std::log(2.0), std::log(2.0))(rng);
    return GroupElement::linearMap(std::exp(u) * Eigen::Matrix3d::Identity());
}
std::vector<ParameterSpec> ScaleGroup::parameters() const {
    return {{"scale", 0.25, 4, 1, "x", true}};
}
GroupElement ScaleGroup::fromParameters(const std::vector<double>& v, const SampleContext&) const {
    if (!(v[0] > 0)) throw Error("Scale: the scale factor must be > 0");
    return GroupElement::linearMap(v[0] * Eigen::Matrix3d::Identity());
}
std::vector<Generator> ScaleGroup::generators() const {
    return {linearGenerator("S", Eigen::Matrix3d::Identity())};
}

// ---- GL+(3) and SL(3): g = exp(X/2) R (methods.md section 5) ------------------------
std::string LinearGroup::name() const {
    return special_ ? "SL3" : "GL3";
}
GroupElement LinearGroup::sample(Rng& rng, const SampleContext&) const {
    // Matrix-log-normal SPD factor: the six entries of X ~ N(0, 0.1) (variance), traceless for SL.
    std::normal_distribution<double> g(0.0, std::sqrt(kSpdVariance));
    Eigen::Matrix3d x = symmetricFrom(g(rng), g(rng), g(rng), g(rng), g(rng), g(rng));
    if (special_) x -= x.trace() / 3.0 * Eigen::Matrix3d::Identity();
    return GroupElement::linearMap(expSymmetric(0.5 * x) * haarRotation(rng));
}
std::vector<ParameterSpec> LinearGroup::parameters() const {
    auto p = rotationParameters();
    for (const char* n : {"log-stretch xx", "log-stretch yy"}) p.push_back({n, -1, 1, 0, ""});
    if (!special_) p.push_back({"log-stretch zz", -1, 1, 0, ""});
    for (const char* n : {"shear xy", "shear xz", "shear yz"}) p.push_back({n, -1, 1, 0, ""});
    return p;
}
GroupElement LinearGroup::fromParameters(const std::vector<double>& v, const SampleContext&) const {
    const Eigen::Matrix3d r = axisAngle(v, 0);
    const double xx = v[4], yy = v[5];
    const std::size_t at = special_ ? 6 : 7;
    const double zz = special_ ? -xx - yy : v[6];
    const Eigen::Matrix3d x = symmetricFrom(xx, yy, zz, v[at], v[at + 1], v[at + 2]);
    return GroupElement::linearMap(expSymmetric(0.5 * x) * r);
}
std::vector<Generator> LinearGroup::generators() const {
    std::vector<Generator> out;
    const char* axes = "xyz";
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            Eigen::Matrix3d e = Eigen::Matrix3d::Zero();
            e(i, j) = 1;
            if (special_ && i == j) {
                if (i == 2) continue; // traceless diagonal: E00 - E22, E11 - E22
                e(2, 2) = -1;
            }
            out.push_back(linearGenerator(std::string("E") + axes[i] + axes[j], e));
        }
    return out;
}

// ---- Perm -------------------------------------------------------------------------
std::string PermutationGroup::name() const {
    return "Perm";
}
GroupElement PermutationGroup::sample(Rng& rng, const SampleContext& c) const {
    GroupElement e;
    e.permutation.resize(static_cast<std::size_t>(c.nodes));
    std::iota(e.permutation.begin(), e.permutation.end(), int64_t(0));
    std::shuffle(e.permutation.begin(), e.permutation.end(), rng);
    return e;
}
std::vector<ParameterSpec> PermutationGroup::parameters() const {
    return {{"shuffle", 0, 1000, 0, ""}};
}
GroupElement PermutationGroup::fromParameters(const std::vector<double>& v,
                                              const SampleContext& c) const {
    const auto k = static_cast<uint64_t>(std::llround(v[0]));
    if (k == 0) return GroupElement::identity();
    Rng rng(k);
    return sample(rng, c);
}
std::vector<Generator> PermutationGroup::generators() const {
    return {};
}

// ---- TimeShift --------------------------------------------------------------------
std::string TimeShiftGroup::name() const {
    return "TimeShift";
}
GroupElement TimeShiftGroup::sample(Rng& rng, const SampleContext& c) const {
    GroupElement e;
    e.timeShift = std::uniform_real_distribution<double>(-c.timeSpan, c.timeSpan)(rng);
    return e;
}
std::vector<ParameterSpec> TimeShiftGroup::parameters() const {
    return {{"shift", -100, 100, 0, "time units"}};
}
GroupElement TimeShiftGroup::fromParameters(const std::vector<double>& v,
                                            const SampleContext&) const {
    GroupElement e;
    e.timeShift = v[0];
    return e;
}
std::vector<Generator> TimeShiftGroup::generators() const {
    return {};
}

// ---- Products ---------------------------------------------------------------------
ProductGroup::ProductGroup(std::string name, std::vector<std::unique_ptr<Group>> factors)
    : name_(std::move(name)), factors_(std::move(factors)) {}
std::string ProductGroup::name() const {
    return name_;
}
GroupElement ProductGroup::sample(Rng& rng, const SampleContext& c) const {
    GroupElement e;
    for (const auto& f : factors_) e = e.compose(f->sample(rng, c));
    return e;
}
std::vector<ParameterSpec> ProductGroup::parameters() const {
    std::vector<ParameterSpec> out;
    for (const auto& f : factors_)
        for (ParameterSpec p : f->parameters()) {
            p.name = f->name() + " " + p.name;
            out.push_back(p);
        }
    return out;
}
GroupElement ProductGroup::fromParameters(const std::vector<double>& v,
                                          const SampleContext& c) const {
    GroupElement e;
    std::size_t at = 0;
    for (const auto& f : factors_) {
        const std::size_t n = f->parameters().size();
        if (at + n > v.size())
            throw Error(name_ + ": expected " + std::to_string(parameters().size()) +
                        " parameters");
        e = e.compose(
            f->fromParameters(std::vector<double>(v.begin() + at, v.begin() + at + n), c));
        at += n;
    }
    return e;
}
std::vector<Generator> ProductGroup::generators() const {
    std::vector<Generator> out;
    for (const auto& f : factors_)
        for (const Generator& g : f->generators())
            if (std::none_of(out.begin(), out.end(),
                             [&](const Generator& o) { return o.name == g.name; }))
                out.push_back(g);
    return out;
}
bool ProductGroup::permutesNodes() const {
    return std::any_of(factors_.begin(), factors_.end(),
                       [](const auto& f) { return f->permutesNodes(); });
}

} // namespace equiscope
