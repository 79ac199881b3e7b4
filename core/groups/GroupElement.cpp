#include "groups/GroupElement.h"

#include "util/Error.h"

#include <Eigen/Dense>
#include <sstream>
#include <unsupported/Eigen/MatrixFunctions>

namespace equiscope {

GroupElement GroupElement::compose(const GroupElement& other) const {
    GroupElement out;
    out.linear = linear * other.linear;
    out.translation = linear * other.translation + translation;
    out.timeShift = timeShift + other.timeShift;
    // Rows: (other.X)_i = X_{q[i]}, (this.Y)_i = Y_{p[i]} = X_{q[p[i]]}.
    if (permutation.empty()) {
        out.permutation = other.permutation;
    } else if (other.permutation.empty()) {
        out.permutation = permutation;
    } else {
        if (permutation.size() != other.permutation.size())
            throw Error("cannot compose permutations of " + std::to_string(permutation.size()) +
                        " and " + std::to_string(other.permutation.size()) + " nodes");
        out.permutation.resize(permutation.size());
        for (std::size_t i = 0; i < permutation.size(); ++i)
            out.permutation[i] = other.permutation[static_cast<std::size_t>(permutation[i])];
    }
    return out;
}

GroupElement GroupElement::inverse() const {
    GroupElement out;
    out.linear = linear.inverse();
    out.translation = -out.linear * translation;
    out.timeShift = -timeShift;
    if (!permutation.empty()) {
        out.permutation.resize(permutation.size());
        for (std::size_t i = 0; i < permutation.size(); ++i)
            out.permutation[static_cast<std::size_t>(permutation[i])] = static_cast<int64_t>(i);
    }
    return out;
}

bool GroupElement::isOrthogonal(double tolerance) const {
    return (linear * linear.transpose() - Eigen::Matrix3d::Identity()).norm() < tolerance;
}

std::string GroupElement::describe() const {
    std::ostringstream s;
    s.precision(6);
    for (int r = 0; r < 3; ++r) {
        s << (r ? "; " : "[");
        for (int c = 0; c < 3; ++c) s << linear(r, c) << " ";
        s << "| " << translation(r);
    }
    s << "]";
    if (!permutation.empty()) s << " perm(" << permutation.size() << ")";
    if (timeShift != 0) s << " time" << (timeShift > 0 ? "+" : "") << timeShift;
    return s.str();
}

GroupElement exponential(const Eigen::Matrix3d& x, const Eigen::Vector3d& v, double s) {
    Eigen::Matrix4d g = Eigen::Matrix4d::Zero();
    g.topLeftCorner<3, 3>() = s * x;
    g.topRightCorner<3, 1>() = s * v;
    const Eigen::Matrix4d e = g.exp();
    return {e.topLeftCorner<3, 3>(), e.topRightCorner<3, 1>(), {}};
}

Eigen::Matrix3d hat(const Eigen::Vector3d& a) {
    Eigen::Matrix3d m;
    m << 0, -a.z(), a.y(), a.z(), 0, -a.x(), -a.y(), a.x(), 0;
    return m;
}

} // namespace equiscope
