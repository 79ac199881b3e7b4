#include "models/PcaFrame.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <torch/torch.h>

namespace equiscope {

std::vector<PcaFrame> pcaFrames(const at::Tensor& pos, bool centre) {
    const torch::Tensor cpu = pos.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    const int64_t b = cpu.size(0), n = cpu.size(1);
    std::vector<PcaFrame> frames(static_cast<std::size_t>(b));
    for (int64_t e = 0; e < b; ++e) {
        Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, 3, Eigen::RowMajor>> x(
            cpu[e].data_ptr<double>(), n, 3);
        PcaFrame& f = frames[static_cast<std::size_t>(e)];
        if (centre) f.centroid = x.colwise().mean().transpose();
        const Eigen::MatrixXd xc = x.rowwise() - f.centroid.transpose();
        const Eigen::Matrix3d c = xc.transpose() * xc;
        Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> eig(c);
        f.axes = eig.eigenvectors();
        f.eigenvalues = eig.eigenvalues();
        const double top = std::max(std::abs(f.eigenvalues(2)), 1e-300);
        f.relativeGap =
            std::min(f.eigenvalues(1) - f.eigenvalues(0), f.eigenvalues(2) - f.eigenvalues(1)) /
            top;
    }
    return frames;
}

} // namespace equiscope
