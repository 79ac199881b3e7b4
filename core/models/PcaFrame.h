#pragma once
// Principal axes of a point set (methods.md sections 3 and 4): the frame that frame
// averaging enumerates with all sign choices and that TinvNN fixes with a sign rule.

#include <Eigen/Core>
#include <vector>

namespace at {
class Tensor;
}

namespace equiscope {

struct PcaFrame {
    Eigen::Vector3d centroid = Eigen::Vector3d::Zero(); // zero when not centred
    Eigen::Matrix3d axes =
        Eigen::Matrix3d::Identity(); // eigenvectors as columns, ascending eigenvalues
    Eigen::Vector3d eigenvalues = Eigen::Vector3d::Zero();
    // min_i |lambda_{i+1} - lambda_i| / lambda_max; the frame is ill-defined near 0.
    double relativeGap = 0;
    bool degenerate() const { return relativeGap < 1e-6; }
};

// One frame per batch element of pos [B,N,3], computed in float64 on the CPU from
// detached values (the eigen-decomposition is not differentiated).
std::vector<PcaFrame> pcaFrames(const at::Tensor& pos, bool centre);

// The sign variants R_s = V diag(s), s in {+-1}^3, of each frame's axes as a [B, F, 3, 3]
// float64 CPU tensor: F = 8, or 4 when `proper` keeps those with det = +1 only.
at::Tensor signFrames(const std::vector<PcaFrame>& frames, bool proper);

} // namespace equiscope
