#include "harmonics/SphericalHarmonics.h"

#include "util/Error.h"

#include <cmath>
#include <complex>

namespace equiscope {

ShNormalization parseShNormalization(const std::string& name) {
    if (name == "integral") return ShNormalization::Integral;
    if (name == "norm") return ShNormalization::Norm;
    if (name == "component") return ShNormalization::Component;
    throw Error("normalization '" + name + "': expected integral, norm or component");
}

const char* shNormalizationName(ShNormalization n) {
    switch (n) {
    case ShNormalization::Integral:
        return "integral";
    case ShNormalization::Norm:
        return "norm";
    case ShNormalization::Component:
        return "component";
    }
    return "integral";
}

namespace {

// Scale of degree l relative to the orthonormal (integral) harmonics.
double degreeScale(int l, ShNormalization n) {
    const double fourPi = 4.0 * M_PI;
    switch (n) {
    case ShNormalization::Integral:
        return 1.0;
    case ShNormalization::Component:
        return std::sqrt(fourPi);
    case ShNormalization::Norm:
        return std::sqrt(fourPi / (2 * l + 1));
    }
    return 1.0;
}

// Orthonormal real harmonics of the unit vector (X, Y, Z), Z polar, written into out.
// sin^m θ e^{imφ} = (X + iY)^m keeps the poles regular.
void orthonormalHarmonics(int lmax, double X, double Y, double Z, double* out) {
    const Eigen::MatrixXd kq = normalizedLegendreQ(lmax, Z);
    std::complex<double> power(1.0, 0.0); // (X + iY)^m
    for (int m = 0; m <= lmax; ++m) {
        if (m > 0) power *= std::complex<double>(X, Y);
        for (int l = m; l <= lmax; ++l) {
            const int centre = l * l + l;
            if (m == 0) {
                out[centre] = kq(l, 0);
            } else {
                out[centre + m] = M_SQRT2 * kq(l, m) * power.real();
                out[centre - m] = M_SQRT2 * kq(l, m) * power.imag();
            }
        }
    }
}

void fillRow(int lmax, const Eigen::Vector3d& p, ShNormalization n, double* out) {
    const double r = p.norm();
    if (r == 0.0) {
        for (int i = 0; i < shDimension(lmax); ++i) out[i] = 0.0;
        out[0] = 1.0 / std::sqrt(4.0 * M_PI);
    } else {
        // e3nn's (x, y, z) are the textbook (Y, Z, X): y is the polar axis.
        orthonormalHarmonics(lmax, p.z() / r, p.x() / r, p.y() / r, out);
    }
    for (int l = 0; l <= lmax; ++l) {
        const double s = degreeScale(l, n);
        for (int i = l * l; i < (l + 1) * (l + 1); ++i) out[i] *= s;
    }
}

void requireDegree(int lmax) {
    if (lmax < 0 || lmax > 64)
        throw Error("spherical harmonics: lmax must be 0..64, got " + std::to_string(lmax));
}

} // namespace

Eigen::MatrixXd normalizedLegendreQ(int lmax, double z) {
    Eigen::MatrixXd kq = Eigen::MatrixXd::Zero(lmax + 1, lmax + 1);
    double doubleFactorial = 1.0; // (2m - 1)!!
    for (int m = 0; m <= lmax; ++m) {
        if (m > 0) doubleFactorial *= 2 * m - 1;
        Eigen::VectorXd q = Eigen::VectorXd::Zero(lmax + 1);
        q[m] = doubleFactorial;
        if (m < lmax) q[m + 1] = z * (2 * m + 1) * q[m];
        for (int l = m + 2; l <= lmax; ++l)
            q[l] = ((2 * l - 1) * z * q[l - 1] - (l + m - 1) * q[l - 2]) / (l - m);
        double ratio = 1.0; // (l - m)! / (l + m)!, updated as l grows
        for (int k = 1; k <= 2 * m; ++k) ratio /= k;
        for (int l = m; l <= lmax; ++l) {
            if (l > m) ratio *= static_cast<double>(l - m) / (l + m);
            kq(l, m) = std::sqrt((2 * l + 1) / (4.0 * M_PI) * ratio) * q[l];
        }
    }
    return kq;
}

Eigen::MatrixXd sphericalHarmonics(int lmax, const Eigen::MatrixX3d& points, ShNormalization n) {
    requireDegree(lmax);
    // Row-major so that each point's harmonics are contiguous while they are written.
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> y(points.rows(),
                                                                             shDimension(lmax));
    for (Eigen::Index i = 0; i < points.rows(); ++i)
        fillRow(lmax, points.row(i).transpose(), n, y.row(i).data());
    return y;
}

Eigen::VectorXd sphericalHarmonics(int lmax, const Eigen::Vector3d& point, ShNormalization n) {
    requireDegree(lmax);
    Eigen::VectorXd y(shDimension(lmax));
    fillRow(lmax, point, n, y.data());
    return y;
}

} // namespace equiscope
