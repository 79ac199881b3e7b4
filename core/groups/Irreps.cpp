#include "groups/Irreps.h"

#include "util/Error.h"

#include <Eigen/Dense>
#include <cmath>
#include <sstream>

namespace equiscope {

int Irreps::dim() const {
    int d = 0;
    for (const Irrep& t : terms) d += t.multiplicity * t.dim();
    return d;
}

Irreps Irreps::parse(const std::string& text) {
    Irreps out;
    std::stringstream s(text);
    std::string term;
    while (std::getline(s, term, '+')) {
        term.erase(0, term.find_first_not_of(' '));
        term.erase(term.find_last_not_of(' ') + 1);
        Irrep ir;
        const auto x = term.find('x');
        try {
            std::size_t used = 0;
            if (x != std::string::npos) ir.multiplicity = std::stoi(term.substr(0, x));
            const std::string rest = x == std::string::npos ? term : term.substr(x + 1);
            ir.l = std::stoi(rest, &used);
            if (used + 1 != rest.size() || (rest.back() != 'e' && rest.back() != 'o') || ir.l < 0 ||
                ir.multiplicity < 0)
                throw std::invalid_argument(term);
            ir.parity = rest.back() == 'e' ? 1 : -1;
        } catch (const std::exception&) {
            throw Error("irreps '" + text + "': expected terms like 8x0e or 1o, got '" + term +
                        "'");
        }
        out.terms.push_back(ir);
    }
    if (out.terms.empty()) throw Error("irreps '" + text + "' is empty");
    return out;
}

namespace {

// e3nn's degree-2 real spherical-harmonic polynomials (y is e3nn's polar axis).
Eigen::Matrix<double, 5, 1> degree2(const Eigen::Vector3d& p) {
    const double x = p.x(), y = p.y(), z = p.z(), r3 = std::sqrt(3.0);
    Eigen::Matrix<double, 5, 1> v;
    v << r3 * x * z, r3 * x * y, y * y - 0.5 * (x * x + z * z), r3 * y * z,
        0.5 * r3 * (z * z - x * x);
    return v;
}

} // namespace

Eigen::MatrixXd wignerD(int l, const Eigen::Matrix3d& r) {
    if (l == 0) return Eigen::MatrixXd::Identity(1, 1);
    if (l == 1) return r;
    if (l == 2) {
        // D is defined by Y(R p) = D Y(p); five generic directions determine it exactly.
        Eigen::Matrix<double, 5, 5> before, after;
        const double dirs[5][3] = {
            {1, 0.2, 0.1}, {0.3, 1, -0.4}, {-0.2, 0.5, 1}, {0.7, -0.6, 0.3}, {-0.5, -0.1, 0.8}};
        for (int k = 0; k < 5; ++k) {
            const Eigen::Vector3d p(dirs[k][0], dirs[k][1], dirs[k][2]);
            before.col(k) = degree2(p);
            after.col(k) = degree2(r * p);
        }
        return after * before.inverse();
    }
    throw Error("irreps of degree " + std::to_string(l) + " are not supported (at most " +
                std::to_string(kMaxIrrepDegree) + ")");
}

Eigen::MatrixXd irrepsMatrix(const Irreps& irreps, const Eigen::Matrix3d& a) {
    if ((a * a.transpose() - Eigen::Matrix3d::Identity()).norm() > 1e-6)
        throw Error("irreps transform under O(3) only; this element is not orthogonal");
    const double det = a.determinant();
    const Eigen::Matrix3d rotation = det < 0 ? Eigen::Matrix3d(-a) : a;
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(irreps.dim(), irreps.dim());
    int at = 0;
    for (const Irrep& t : irreps.terms) {
        // a = -R = inversion * R, and inversion acts on (l, p) as the parity p.
        const double sign = det < 0 ? static_cast<double>(t.parity) : 1.0;
        const Eigen::MatrixXd d = sign * wignerD(t.l, rotation);
        for (int k = 0; k < t.multiplicity; ++k, at += t.dim())
            m.block(at, at, t.dim(), t.dim()) = d;
    }
    return m;
}

} // namespace equiscope
