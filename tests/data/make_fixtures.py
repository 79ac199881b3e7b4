#!/usr/bin/python3
"""Small NumPy fixtures for the reader tests, made by NumPy itself (not by our writer).

Run with Debian's python3-numpy from the repository root:
    /usr/bin/python3 tests/data/make_fixtures.py tests/data/fixtures
The tests recompute the same arrays from this formula: row i = (i, 2i, 3i) / 8 - 1,
extra columns i % 5 and -i.
"""
import os
import sys

import numpy as np

out = sys.argv[1]
n = 40
i = np.arange(n, dtype=np.float64)
pos = np.stack([i, 2 * i, 3 * i], 1) / 8 - 1
extra = np.stack([i % 5, -i], 1)
np.save(os.path.join(out, "points_f4.npy"), pos.astype("<f4"))
np.save(os.path.join(out, "points_f8_big_endian.npy"), pos.astype(">f8"))
np.save(os.path.join(out, "points_fortran.npy"), np.asfortranarray(np.concatenate([pos, extra], 1)))
np.save(os.path.join(out, "points_2d.npy"), pos[:, :2])
labels = (np.arange(n) % 3).astype(np.int64)
normals = np.tile([[0.0, 0.0, 1.0]], (n, 1))
np.savez(os.path.join(out, "cloud_stored.npz"), pos=pos, part=labels, normals=normals)
np.savez_compressed(os.path.join(out, "cloud_deflated.npz"), points=pos.astype(np.float32), intensity=i)
