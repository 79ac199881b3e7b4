#!/usr/bin/python3
"""The usual Python way to check equivariance (a loop over random elements, as e3nn's
assert_equivariant does), on the same TorchScript model and points as bench_check.

    bench/python_equivariance_loop.py MODEL.pt POINTS.npy [elements=64] [repeats=7]

Prints the median seconds of one whole check. Needs python3-torch (Debian) and numpy.
"""
import statistics
import sys
import time

import numpy as np
import torch

model = torch.jit.load(sys.argv[1])
pos = torch.from_numpy(np.load(sys.argv[2])).double()
elements = int(sys.argv[3]) if len(sys.argv) > 3 else 64
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 7
torch.manual_seed(1)


def random_rotation():
    q = torch.randn(4, dtype=torch.float64)
    q = q / q.norm()
    a, b, c, d = q.tolist()
    return torch.tensor([[a*a+b*b-c*c-d*d, 2*(b*c-a*d), 2*(b*d+a*c)],
                         [2*(b*c+a*d), a*a-b*b+c*c-d*d, 2*(c*d-a*b)],
                         [2*(b*d-a*c), 2*(c*d+a*b), a*a-b*b-c*c+d*d]], dtype=torch.float64)


def check():
    x = pos.float().unsqueeze(0)
    feat = torch.ones(1, x.shape[1], 1)
    with torch.no_grad():
        y = model(x, feat).double()[0]
        scale = y.norm(dim=1).mean()
        errors = []
        for _ in range(elements):
            r = random_rotation()
            if torch.rand(()) < 0.5:
                r = -r
            t = torch.randn(3, dtype=torch.float64)
            moved = (pos @ r.T + t).float().unsqueeze(0)
            out = model(moved, feat).double()[0]
            errors.append(((out - (y @ r.T + t)).norm(dim=1) / scale).mean().item())
    return sum(errors) / len(errors)


check()  # warm-up
times = []
for _ in range(repeats):
    start = time.perf_counter()
    check()
    times.append(time.perf_counter() - start)
print("python loop: median %.2f ms over %d runs, %d elements, %d points, %d threads"
      % (1e3 * statistics.median(times), repeats, elements, pos.shape[0], torch.get_num_threads()))
print("PYTHON_MEDIAN_SECONDS %.9f" % statistics.median(times))
