#!/usr/bin/env python3
"""Cross-checks core/groups/Irreps.cpp's real basis against e3nn, where e3nn is installed
(it is not a Debian package; the GPU machines have it):
    python3 tests/data/check_e3nn_convention.py
Prints the largest difference between e3nn's D_from_matrix and our construction for l = 1
(R itself) and l = 2 (the polynomial basis solved on five directions), and between our
degree-2 polynomials and e3nn's spherical harmonics."""
import torch
from e3nn import o3

torch.manual_seed(0)


def degree2(p):
    x, y, z = p[..., 0], p[..., 1], p[..., 2]
    r3 = 3 ** 0.5
    return torch.stack([r3 * x * z, r3 * x * y, y * y - 0.5 * (x * x + z * z), r3 * y * z, 0.5 * r3 * (z * z - x * x)], -1)


dirs = torch.tensor([[1, 0.2, 0.1], [0.3, 1, -0.4], [-0.2, 0.5, 1], [0.7, -0.6, 0.3], [-0.5, -0.1, 0.8]], dtype=torch.float64)
worst1 = worst2 = 0.0
for r in o3.rand_matrix(20, dtype=torch.float64):
    worst1 = max(worst1, (o3.Irrep("1o").D_from_matrix(r) - r).abs().max().item())
    before, after = degree2(dirs).T, degree2(dirs @ r.T).T
    ours = after @ torch.linalg.inv(before)
    worst2 = max(worst2, (o3.Irrep("2e").D_from_matrix(r) - ours).abs().max().item())
unit = torch.nn.functional.normalize(torch.randn(10, 3, dtype=torch.float64), dim=-1)
sh = o3.spherical_harmonics(2, unit, normalize=True, normalization="component")
ratio = sh / degree2(unit)
print("l=1 max |D_e3nn - R|:", worst1)
print("l=2 max |D_e3nn - D_ours|:", worst2)
print("l=2 e3nn SH / our polynomials (one constant if same basis):", ratio.min().item(), ratio.max().item())
