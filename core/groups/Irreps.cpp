#include "groups/Irreps.h"

#include "harmonics/WignerD.h"
#include "util/Error.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cctype>
#include <sstream>

namespace equiscope {

int Irreps::dim() const {
    int d = 0;
    for (const Irrep& t : terms) d += t.multiplicity * t.dim();
    return d;
}

int Irreps::maxDegree() const {
    int l = 0;
    for (const Irrep& t : terms) l = std::max(l, t.l);
    return l;
}

Irreps Irreps::simplify() const {
    Irreps out;
    for (const Irrep& t : terms) {
        if (t.multiplicity == 0) continue;
        if (!out.terms.empty() && out.terms.back().l == t.l && out.terms.back().parity == t.parity)
            out.terms.back().multiplicity += t.multiplicity;
        else
            out.terms.push_back(t);
    }
    return out;
}

std::string Irreps::toString() const {
    std::string s;
    for (const Irrep& t : terms) {
        if (!s.empty()) s += "+";
        s +=
            std::to_string(t.multiplicity) + "x" + std::to_string(t.l) + (t.parity > 0 ? "e" : "o");
    }
    return s;
}

namespace {

// Largest irreps vector accepted, so that a typo cannot ask for gigabytes of matrices.
constexpr long long kMaxIrrepsDimension = 1 << 20;

// One term such as "16x3o", "1e" or "2x1y"; throws std::invalid_argument when malformed.
Irrep parseTerm(const std::string& term) {
    Irrep ir;
    const auto x = term.find('x');
    std::size_t used = 0;
    if (x != std::string::npos) {
        ir.multiplicity = std::stoi(term.substr(0, x), &used);
        if (used != x) throw std::invalid_argument(term);
    }
    const std::string rest = x == std::string::npos ? term : term.substr(x + 1);
    ir.l = std::stoi(rest, &used);
    const char p = rest.empty() ? ' ' : rest.back();
    if (used + 1 != rest.size() || (p != 'e' && p != 'o' && p != 'y') || ir.l < 0 ||
        ir.multiplicity < 0 || !std::isdigit(static_cast<unsigned char>(rest.front())))
        throw std::invalid_argument(term);
    ir.parity = p == 'e' ? 1 : p == 'o' ? -1 : (ir.l % 2 == 0 ? 1 : -1);
    return ir;
}

} // namespace

Irreps Irreps::parse(const std::string& text) {
    Irreps out;
    std::stringstream s(text);
    std::string term;
    long long dimension = 0;
    while (std::getline(s, term, '+')) {
        term.erase(0, term.find_first_not_of(' '));
        term.erase(term.find_last_not_of(' ') + 1);
        try {
            out.terms.push_back(parseTerm(term));
        } catch (const std::exception&) {
            throw Error("irreps '" + text + "': expected terms like 8x0e, 1o or 2x1y, got '" +
                        term + "'");
        }
        const Irrep& ir = out.terms.back();
        if (ir.l > kMaxIrrepDegree)
            throw Error("irreps '" + text + "': degree " + std::to_string(ir.l) +
                        " is above the supported " + std::to_string(kMaxIrrepDegree));
        dimension += static_cast<long long>(ir.multiplicity) * ir.dim();
        if (dimension > kMaxIrrepsDimension)
            throw Error("irreps '" + text + "': dimension above " +
                        std::to_string(kMaxIrrepsDimension));
    }
    if (out.terms.empty()) throw Error("irreps '" + text + "' is empty");
    return out;
}

Eigen::MatrixXd irrepsMatrix(const Irreps& irreps, const Eigen::Matrix3d& a) {
    if ((a * a.transpose() - Eigen::Matrix3d::Identity()).norm() > 1e-6)
        throw Error("irreps transform under O(3) only; this element is not orthogonal");
    const double det = a.determinant();
    const Eigen::Matrix3d rotation = det < 0 ? Eigen::Matrix3d(-a) : a;
    const std::vector<Eigen::MatrixXd> blocks = wignerDBlocks(irreps.maxDegree(), rotation);
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(irreps.dim(), irreps.dim());
    int at = 0;
    for (const Irrep& t : irreps.terms) {
        // a = -R = inversion * R, and inversion acts on (l, p) as the parity p.
        const double sign = det < 0 ? static_cast<double>(t.parity) : 1.0;
        const Eigen::MatrixXd d = sign * blocks[static_cast<std::size_t>(t.l)];
        for (int k = 0; k < t.multiplicity; ++k, at += t.dim())
            m.block(at, at, t.dim(), t.dim()) = d;
    }
    return m;
}

} // namespace equiscope
