#pragma once
// TorchScript fixtures made in C++ with torch::jit::Module::define and saved with the
// extra file equiscope.json, as a PyTorch user's torch.jit.save would. Includes torch.

#include <string>
#include <torch/script.h>

namespace equiscope::test {

inline std::string specJson(const std::string& output, const std::string& symmetries) {
    return R"({"output": ")" + output + R"(", "per": "node", "feature_dim": 1, "symmetries": [)" +
           symmetries + "]}";
}

// Saves `source` (TorchScript methods) as a module with buffers W1 [3,16] and W2 [16,3].
inline void saveScripted(const std::string& path, const std::string& source,
                         const std::string& spec, bool withSpec = true) {
    torch::jit::Module m("Fixture");
    torch::manual_seed(3);
    m.register_buffer("W1", torch::randn({3, 16}));
    m.register_buffer("W2", torch::randn({16, 3}) * 0.3);
    m.define(source);
    torch::jit::ExtraFilesMap extra;
    if (withSpec) extra["equiscope.json"] = spec;
    m.save(path, extra);
}

// Exactly E(3)-equivariant positions: x + 0.5 (x - centroid).
inline const char* kEquivariantSource = R"JIT(
def forward(self, pos, feat):
    c = pos.mean(dim=1, keepdim=True)
    return pos + 0.5 * (pos - c)
)JIT";

// A plain MLP on coordinates: equivariant to nothing geometric.
inline const char* kMlpSource = R"JIT(
def forward(self, pos, feat):
    return torch.tanh(pos @ self.W1) @ self.W2
)JIT";

// Equivariant to rotations about z only: x + 0.3 z^2 e_z.
inline const char* kSo2Source = R"JIT(
def forward(self, pos, feat):
    z2 = pos[:, :, 2:3] * pos[:, :, 2:3]
    return pos + torch.cat([torch.zeros_like(z2), torch.zeros_like(z2), 0.3 * z2], dim=2)
)JIT";

// A linear map f(x) = x W (W = W1 W2): its Lie derivative is known in closed form.
inline const char* kLinearSource = R"JIT(
def forward(self, pos, feat):
    return pos @ (self.W1 @ self.W2)
)JIT";

// Reads its feature as a clock: positions nudged by sin(feat). Not time-shift invariant
// when fed a time field.
inline const char* kClockSource = R"JIT(
def forward(self, pos, feat):
    return pos + 0.2 * torch.sin(feat[:, :, 0:1])
)JIT";

// Returns the wrong shape.
inline const char* kBadShapeSource = R"JIT(
def forward(self, pos, feat):
    return pos[:, :, 0:2]
)JIT";

// Fails an assertion in forward, as a model that rejects its input would.
inline const char* kThrowingSource = R"JIT(
def forward(self, pos, feat):
    assert pos.size(1) == 0, "this model refuses every input"
    return pos
)JIT";

// Returns NaN everywhere.
inline const char* kNanSource = R"JIT(
def forward(self, pos, feat):
    return pos * float("nan")
)JIT";

// Asks for 2^46 floats (256 TiB), more memory than any machine has.
inline const char* kHugeAllocationSource = R"JIT(
def forward(self, pos, feat):
    big = torch.zeros([70368744177664], dtype=pos.dtype, device=pos.device)
    return pos + big[0]
)JIT";

// Irreps "1x0e+1x1o+1x2e+1x3o" per node: e3nn's harmonic polynomials (component
// normalisation) of the centred position. `{SWAP}` is replaced by "" (exact) or by a
// permutation of two l = 3 components (a wrong l = 3 block).
inline std::string harmonicsSource(bool wrongDegreeThree) {
    std::string s = R"JIT(
def forward(self, pos, feat):
    r = pos - pos.mean(dim=1, keepdim=True)
    x = r[:, :, 0:1]
    y = r[:, :, 1:2]
    z = r[:, :, 2:3]
    s15 = 3.872983346207417
    a = s15 * x * z
    e = 0.5 * s15 * (z * z - x * x)
    t = 4.0 * y * y - x * x - z * z
    l2 = [a, s15 * x * y, 2.23606797749979 * (y * y - 0.5 * (x * x + z * z)), s15 * y * z, e]
    l3 = [1.0801234497346435 * (a * z + e * x), 2.6457513110645907 * a * y, 1.6201851746019651 * t * x,
          1.3228756555322954 * y * (2.0 * y * y - 3.0 * (x * x + z * z)), 1.6201851746019651 * z * t,
          2.6457513110645907 * e * y, 1.0801234497346435 * (e * z - a * x)]
    {SWAP}
    return torch.cat([torch.ones_like(x), 1.7320508075688772 * r] + l2 + l3, dim=2)
)JIT";
    const std::string swap = wrongDegreeThree ? "l3 = [l3[1], l3[0]] + l3[2:]" : "";
    s.replace(s.find("{SWAP}"), 6, swap);
    return s;
}

} // namespace equiscope::test
