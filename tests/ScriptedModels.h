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

} // namespace equiscope::test
