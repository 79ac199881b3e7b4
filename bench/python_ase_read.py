"""Median time of ase.io.read(FILE, ':') (Debian's python3-ase), the usual way to load an
extended XYZ trajectory in Python.

    python3 bench/python_ase_read.py FILE [repeats]  -> prints ASE_MEDIAN_SECONDS s
"""
import statistics
import sys
import time

import ase.io

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
ase.io.read(path, ":")  # warm-up
times = []
for _ in range(repeats):
    start = time.perf_counter()
    frames = ase.io.read(path, ":")
    times.append(time.perf_counter() - start)
print(f"ase.io.read median {1e3 * statistics.median(times):.2f} ms ({len(frames)} frames)")
print(f"ASE_MEDIAN_SECONDS {statistics.median(times):.6f}")
