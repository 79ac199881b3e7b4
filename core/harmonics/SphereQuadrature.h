#pragma once
// A product quadrature on the unit sphere: Gauss-Legendre in the polar cosine times equally
// spaced azimuths. It integrates every polynomial of degree <= its degree exactly.

#include <Eigen/Core>

namespace equiscope {

struct SphereQuadrature {
    Eigen::MatrixX3d points; // unit vectors
    Eigen::VectorXd weights; // sum to 4π
};

SphereQuadrature sphereQuadrature(int degree);

// Nodes and weights of the n-point Gauss-Legendre rule on [-1, 1].
void gaussLegendre(int n, Eigen::VectorXd& nodes, Eigen::VectorXd& weights);

} // namespace equiscope
