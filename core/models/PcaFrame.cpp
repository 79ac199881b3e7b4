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

at::Tensor signFrames(const std::vector<PcaFrame>& frames, bool proper) {
    const auto b = static_cast<int64_t>(frames.size());
    torch::Tensor r = torch::empty({b, proper ? 4 : 8, 3, 3}, torch::kFloat64);
    auto ra = r.accessor<double, 4>();
    for (int64_t e = 0; e < b; ++e) {
        int64_t count = 0;
        for (int s = 0; s < 8; ++s) {
            const Eigen::Vector3d signs((s & 1) ? -1 : 1, (s & 2) ? -1 : 1, (s & 4) ? -1 : 1);
            const Eigen::Matrix3d m = frames[static_cast<std::size_t>(e)].axes * signs.asDiagonal();
            if (proper && m.determinant() < 0) continue;
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j) ra[e][count][i][j] = m(i, j);
            ++count;
        }
    }
    return r;
}

} // namespace equiscope
