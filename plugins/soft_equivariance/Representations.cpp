#include "Representations.h"

#include "groups/GroupElement.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>
#include <unsupported/Eigen/KroneckerProduct>

namespace equiscope::per {

int dimension(Channel c) {
    return static_cast<int>(c);
}

namespace {

Eigen::Matrix3d mirrorThrough(const Eigen::Vector3d& normal) {
    const Eigen::Vector3d n = normal.normalized();
    return Eigen::Matrix3d::Identity() - 2 * n * n.transpose();
}

Eigen::Vector3d axisOf(char a) {
    return a == 'x'   ? Eigen::Vector3d::UnitX()
           : a == 'y' ? Eigen::Vector3d::UnitY()
                      : Eigen::Vector3d::UnitZ();
}

} // namespace

CandidateGroup candidateGroup(const std::string& name) {
    CandidateGroup g;
    g.name = name;
    const std::vector<Eigen::Matrix3d> rotations = {hat(Eigen::Vector3d::UnitX()),
                                                    hat(Eigen::Vector3d::UnitY()),
                                                    hat(Eigen::Vector3d::UnitZ())};
    if (name == "O3" || name == "SO3" || name == "SO3*Scale") {
        g.algebra = rotations;
        if (name == "O3") g.discrete = {-Eigen::Matrix3d::Identity()};
        g.scale = name == "SO3*Scale";
    } else if (name == "Scale") {
        g.scale = true;
    } else if ((name.rfind("O2", 0) == 0 || name.rfind("SO2", 0) == 0) &&
               (name.back() == 'x' || name.back() == 'y' || name.back() == 'z')) {
        const Eigen::Vector3d a = axisOf(name.back());
        g.algebra = {hat(a)};
        // O(2) about a: rotations about a and mirrors through planes that contain a.
        if (name.rfind("O2", 0) == 0)
            g.discrete = {mirrorThrough(
                a.cross(a.x() < 0.9 ? Eigen::Vector3d::UnitX() : Eigen::Vector3d::UnitY()))};
    } else {
        throw Error("unknown PER candidate group '" + name +
                    "' (O3, SO3, O2x, O2y, O2z, SO2z, Scale, SO3*Scale)");
    }
    return g;
}

int naturalWeight(Channel c) {
    return c == Channel::Scalar ? 0 : c == Channel::Vector ? 1 : 2;
}

Eigen::MatrixXd groupAction(Channel c, const Eigen::Matrix3d& a, int weight) {
    const double s = std::cbrt(std::abs(a.determinant()));
    const Eigen::Matrix3d r = a / s;
    const double factor = std::pow(s, weight == kNaturalWeight ? naturalWeight(c) : weight);
    switch (c) {
    case Channel::Scalar:
        return Eigen::MatrixXd::Constant(1, 1, factor);
    case Channel::Vector:
        return factor * r;
    case Channel::Tensor2:
        return factor * Eigen::kroneckerProduct(r, r).eval();
    }
    return {};
}

Eigen::MatrixXd algebraAction(Channel c, const Eigen::Matrix3d& x, int weight) {
    const Eigen::Matrix3d i = Eigen::Matrix3d::Identity();
    const double a = x.trace() / 3;
    const Eigen::Matrix3d k = x - a * i;
    const int d = dimension(c);
    const Eigen::MatrixXd scaling = a * (weight == kNaturalWeight ? naturalWeight(c) : weight) *
                                    Eigen::MatrixXd::Identity(d, d);
    switch (c) {
    case Channel::Scalar:
        return scaling;
    case Channel::Vector:
        return scaling + k;
    case Channel::Tensor2:
        return scaling + Eigen::kroneckerProduct(k, i) + Eigen::kroneckerProduct(i, k);
    }
    return {};
}

Eigen::MatrixXd equivariantBasis(const CandidateGroup& g, Channel in, Channel out, int inWeight,
                                 int outWeight) {
    const int di = dimension(in), dout = dimension(out);
    // Row-major vec: vec(B W C) = (B (x) C^T) vec(W).
    const Eigen::MatrixXd iIn = Eigen::MatrixXd::Identity(di, di),
                          iOut = Eigen::MatrixXd::Identity(dout, dout);
    std::vector<Eigen::MatrixXd> blocks;
    // d rho_out(X) W - W d rho_in(X) = 0 for every Lie generator.
    auto addAlgebra = [&](const Eigen::MatrixXd& xo, const Eigen::MatrixXd& xi) {
        blocks.push_back(Eigen::kroneckerProduct(xo, iIn) -
                         Eigen::kroneckerProduct(iOut, xi.transpose()));
    };
    for (const Eigen::Matrix3d& x : g.algebra)
        addAlgebra(algebraAction(out, x, outWeight), algebraAction(in, x, inWeight));
    if (g.scale) {
        const Eigen::Matrix3d identity = Eigen::Matrix3d::Identity();
        addAlgebra(algebraAction(out, identity, outWeight), algebraAction(in, identity, inWeight));
    }
    for (const Eigen::Matrix3d& h : g.discrete)
        blocks.push_back(Eigen::kroneckerProduct(groupAction(out, h, outWeight), iIn) -
                         Eigen::kroneckerProduct(iOut, groupAction(in, h, inWeight).transpose()));
    const int n = di * dout;
    if (blocks.empty()) return Eigen::MatrixXd::Identity(n, n);
    Eigen::MatrixXd c(static_cast<Eigen::Index>(blocks.size()) * n, n);
    for (std::size_t k = 0; k < blocks.size(); ++k)
        c.middleRows(static_cast<Eigen::Index>(k) * n, n) = blocks[k];
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(c, Eigen::ComputeFullV);
    const Eigen::VectorXd s = svd.singularValues();
    const double tol = std::max(1e-9, 1e-6 * (s.size() ? s(0) : 0.0));
    int rank = 0;
    while (rank < s.size() && s(rank) > tol) ++rank;
    return svd.matrixV().rightCols(n - rank);
}

} // namespace equiscope::per
