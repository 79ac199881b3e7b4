#include "harmonics/FourierBasis.h"

#include "harmonics/SphericalHarmonics.h"
#include "util/Error.h"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>

namespace equiscope {

namespace {

using Complex = std::complex<double>;

void requireDegree(int degree, const char* what) {
    if (degree < 0 || degree > kMaxFourierDegree)
        throw Error(std::string(what) + " must be 0.." + std::to_string(kMaxFourierDegree) +
                    ", got " + std::to_string(degree));
}

// θ-Fourier coefficients c_u (u = -L..L) of K_lm sin^m θ Q_l^m(cos θ) on the whole circle, for
// every (l, m >= 0): sampling at 2L + 1 angles and a DFT is exact for a trigonometric polynomial
// of degree L. The signed sin θ extends odd m correctly past θ = π.
std::vector<ComplexVector> legendreFourier(int lmax) {
    const int n = 2 * lmax + 1;
    std::vector<Eigen::MatrixXd> samples; // per angle: K Q (row l, column m) times sin^m
    for (int k = 0; k < n; ++k) {
        const double theta = 2.0 * M_PI * k / n;
        Eigen::MatrixXd kq = normalizedLegendreQ(lmax, std::cos(theta));
        for (int m = 1; m <= lmax; ++m) kq.col(m) *= std::pow(std::sin(theta), m);
        samples.push_back(kq);
    }
    std::vector<ComplexVector> c(static_cast<std::size_t>((lmax + 1) * (lmax + 1)));
    for (int l = 0; l <= lmax; ++l)
        for (int m = 0; m <= l; ++m) {
            ComplexVector& out = c[static_cast<std::size_t>(l * (lmax + 1) + m)];
            out.assign(static_cast<std::size_t>(n), 0.0);
            for (int u = -lmax; u <= lmax; ++u) {
                Complex sum = 0;
                for (int k = 0; k < n; ++k)
                    sum += samples[static_cast<std::size_t>(k)](l, m) *
                           std::polar(1.0, -2.0 * M_PI * u * k / n);
                out[static_cast<std::size_t>(u + lmax)] = sum / static_cast<double>(n);
            }
        }
    return c;
}

// Y_l±m = √2 K P (cos, sin)(mφ): the weights of e^{+i|m|φ} and e^{-i|m|φ}.
std::pair<Complex, Complex> azimuthWeights(int m) {
    const double s = 1.0 / std::sqrt(2.0);
    if (m == 0) return {1.0, 0.0};
    if (m > 0) return {s, s};
    return {Complex(0, -s), Complex(0, s)};
}

// ∫₀^π e^{ikθ} sin θ dθ, from ∫₀^π e^{ikθ} dθ = π (k = 0), 2i/k (k odd), 0 (k even).
Complex sineMoment(int k) {
    auto plain = [](int j) -> Complex {
        if (j == 0) return M_PI;
        if (j % 2 != 0) return Complex(0, 2.0 / j);
        return 0.0;
    };
    return (plain(k + 1) - plain(k - 1)) / Complex(0, 2);
}

ShToFourier computeShToFourier(int lmax) {
    const std::vector<ComplexVector> c = legendreFourier(lmax);
    ShToFourier t{lmax, {}, {}};
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m) {
            const auto [a, b] = azimuthWeights(m);
            const ComplexVector& theta = c[static_cast<std::size_t>(l * (lmax + 1) + std::abs(m))];
            ComplexVector plus(theta.size()), minus(theta.size());
            for (std::size_t u = 0; u < theta.size(); ++u) {
                plus[u] = a * theta[u];
                minus[u] = b * theta[u];
            }
            t.plus.push_back(plus);
            t.minus.push_back(minus);
        }
    return t;
}

FourierToSh computeFourierToSh(int gridDegree, int lmax) {
    const std::vector<ComplexVector> c = legendreFourier(lmax);
    FourierToSh t{gridDegree, lmax, {}, {}};
    const std::size_t n = static_cast<std::size_t>(2 * gridDegree + 1);
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m) {
            const auto [a, b] = azimuthWeights(m);
            const ComplexVector& theta = c[static_cast<std::size_t>(l * (lmax + 1) + std::abs(m))];
            ComplexVector plus(n), minus(n);
            // Column +|m| meets Y's e^{-i|m|φ} part (weight b; a when m = 0), column -|m| its
            // e^{+i|m|φ} part: ∫ e^{i(v+w)φ} dφ = 2π δ(w, -v).
            for (int t2 = -gridDegree; t2 <= gridDegree; ++t2) {
                Complex moment = 0;
                for (int u = -lmax; u <= lmax; ++u)
                    moment += theta[static_cast<std::size_t>(u + lmax)] * sineMoment(t2 + u);
                plus[static_cast<std::size_t>(t2 + gridDegree)] =
                    2.0 * M_PI * (m == 0 ? a : b) * moment;
                minus[static_cast<std::size_t>(t2 + gridDegree)] =
                    m == 0 ? 0.0 : 2.0 * M_PI * a * moment;
            }
            t.plus.push_back(plus);
            t.minus.push_back(minus);
        }
    return t;
}

template <typename Table, typename Make>
const Table& cached(std::map<std::pair<int, int>, std::unique_ptr<Table>>& cache, std::mutex& mutex,
                    std::pair<int, int> key, Make make) {
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[key];
    if (!slot) slot = std::make_unique<Table>(make());
    return *slot;
}

} // namespace

const ShToFourier& shToFourierTable(int lmax) {
    requireDegree(lmax, "sh2f: lmax");
    static std::mutex mutex;
    static std::map<std::pair<int, int>, std::unique_ptr<ShToFourier>> cache;
    return cached(cache, mutex, {lmax, 0}, [&] { return computeShToFourier(lmax); });
}

const FourierToSh& fourierToShTable(int gridDegree, int lmax) {
    requireDegree(lmax, "f2sh: lmax");
    if (gridDegree < 0 || gridDegree > 4 * kMaxFourierDegree)
        throw Error("f2sh: grid degree out of range: " + std::to_string(gridDegree));
    static std::mutex mutex;
    static std::map<std::pair<int, int>, std::unique_ptr<FourierToSh>> cache;
    return cached(cache, mutex, {gridDegree, lmax},
                  [&] { return computeFourierToSh(gridDegree, lmax); });
}

Eigen::MatrixXcd shToFourier(const Eigen::VectorXd& sh, int lmax) {
    if (sh.size() != shDimension(lmax))
        throw Error("sh2f: expected " + std::to_string(shDimension(lmax)) + " coefficients");
    const ShToFourier& t = shToFourierTable(lmax);
    Eigen::MatrixXcd grid = Eigen::MatrixXcd::Zero(2 * lmax + 1, 2 * lmax + 1);
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m) {
            const std::size_t i = static_cast<std::size_t>(l * l + l + m);
            for (int u = 0; u < 2 * lmax + 1; ++u) {
                grid(u, lmax + std::abs(m)) += sh[static_cast<Eigen::Index>(i)] * t.plus[i][u];
                grid(u, lmax - std::abs(m)) += sh[static_cast<Eigen::Index>(i)] * t.minus[i][u];
            }
        }
    return grid;
}

Eigen::VectorXd fourierToSh(const Eigen::MatrixXcd& grid, int lmax) {
    if (grid.rows() != grid.cols() || grid.rows() % 2 == 0)
        throw Error("f2sh: expected a square grid of odd size");
    const int g = static_cast<int>(grid.rows() / 2);
    const FourierToSh& t = fourierToShTable(g, lmax);
    Eigen::VectorXd sh = Eigen::VectorXd::Zero(shDimension(lmax));
    for (int l = 0; l <= lmax; ++l)
        for (int m = -l; m <= l; ++m) {
            const std::size_t i = static_cast<std::size_t>(l * l + l + m);
            const int absM = std::abs(m);
            if (absM > g) continue;
            Complex sum = 0;
            for (int u = 0; u < 2 * g + 1; ++u)
                sum += grid(u, g + absM) * t.plus[i][u] + grid(u, g - absM) * t.minus[i][u];
            sh[static_cast<Eigen::Index>(i)] = sum.real();
        }
    return sh;
}

Eigen::MatrixXcd convolve2d(const Eigen::MatrixXcd& a, const Eigen::MatrixXcd& b) {
    Eigen::MatrixXcd out = Eigen::MatrixXcd::Zero(a.rows() + b.rows() - 1, a.cols() + b.cols() - 1);
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < a.cols(); ++j)
            out.block(i, j, b.rows(), b.cols()) += a(i, j) * b;
    return out;
}

Complex evaluateFourier(const Eigen::MatrixXcd& grid, double theta, double phi) {
    const int g = static_cast<int>(grid.rows() / 2);
    Complex sum = 0;
    for (int t = -g; t <= g; ++t)
        for (int v = -g; v <= g; ++v)
            sum += grid(t + g, v + g) * std::polar(1.0, t * theta + v * phi);
    return sum;
}

} // namespace equiscope
