#include "harmonics/SphereQuadrature.h"

#include "util/Error.h"

#include <cmath>

namespace equiscope {

void gaussLegendre(int n, Eigen::VectorXd& nodes, Eigen::VectorXd& weights) {
    nodes.resize(n);
    weights.resize(n);
    for (int i = 0; i < n; ++i) {
        // Newton's method on P_n from the Chebyshev-like first guess.
        double x = std::cos(M_PI * (i + 0.75) / (n + 0.5));
        double derivative = 1.0;
        for (int iteration = 0; iteration < 100; ++iteration) {
            double p0 = 1.0, p1 = x;
            for (int k = 2; k <= n; ++k) {
                const double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            derivative = n * (x * p1 - p0) / (x * x - 1.0);
            const double step = p1 / derivative;
            x -= step;
            if (std::abs(step) < 1e-16) break;
        }
        nodes[i] = x;
        weights[i] = 2.0 / ((1.0 - x * x) * derivative * derivative);
    }
}

SphereQuadrature sphereQuadrature(int degree) {
    if (degree < 0 || degree > 512)
        throw Error("sphere quadrature: degree must be 0..512, got " + std::to_string(degree));
    const int polar = degree / 2 + 1; // Gauss-Legendre with n nodes is exact to degree 2n - 1
    const int azimuths = degree + 1;  // exact for trigonometric degree <= degree
    Eigen::VectorXd cosines, polarWeights;
    gaussLegendre(polar, cosines, polarWeights);
    SphereQuadrature q;
    q.points.resize(polar * azimuths, 3);
    q.weights.resize(polar * azimuths);
    for (int i = 0; i < polar; ++i) {
        const double sine = std::sqrt(std::max(0.0, 1.0 - cosines[i] * cosines[i]));
        for (int j = 0; j < azimuths; ++j) {
            const double phi = 2.0 * M_PI * j / azimuths;
            const int k = i * azimuths + j;
            q.points.row(k) << sine * std::cos(phi), cosines[i], sine * std::sin(phi);
            q.weights[k] = polarWeights[i] * 2.0 * M_PI / azimuths;
        }
    }
    return q;
}

} // namespace equiscope
