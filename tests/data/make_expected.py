#!/usr/bin/python3
"""Independent expected values for every real point cloud in ../shared/data/real/pointclouds.

A second, deliberately naive implementation in Python + numpy (no code shared with the C++
readers). Run with Debian's python3-numpy from the repository root:
    /usr/bin/python3 tests/data/make_expected.py ../shared/data/real/pointclouds \
        > tests/data/real_pointclouds_expected.json
Writes {file: {nodes, faces, bbox_min, bbox_max, centroid}}; bounds and centroid are over
finite points, in float64.
"""
import json
import os
import struct
import sys

import numpy as np

PLY_TYPES = {"char": "i1", "uchar": "u1", "short": "i2", "ushort": "u2", "int": "i4", "uint": "u4",
             "float": "f4", "double": "f8", "int8": "i1", "uint8": "u1", "int16": "i2",
             "uint16": "u2", "int32": "i4", "uint32": "u4", "float32": "f4", "float64": "f8"}


def ply(data):
    end = data.index(b"end_header\n") + len(b"end_header\n")
    lines = data[:end].decode("ascii").splitlines()
    fmt = [l.split()[1] for l in lines if l.startswith("format")][0]
    elements = []
    for l in lines:
        w = l.split()
        if w and w[0] == "element":
            elements.append((w[1], int(w[2]), []))
        elif w and w[0] == "property":
            elements[-1][2].append(w[1:])
    body = data[end:]
    xyz, faces = None, 0
    if fmt == "ascii":
        tokens = body.split()
        pos = 0
        for name, count, props in elements:
            for _ in range(count):
                row = []
                for p in props:
                    if p[0] == "list":
                        n = int(tokens[pos]); pos += 1 + n
                    else:
                        row.append(float(tokens[pos])); pos += 1
                if name == "vertex":
                    xyz = row[:3] if xyz is None else xyz
                    vertex_rows.append(row)
            if name == "face":
                faces = count
        names = [p[-1] for p in dict((e[0], e[2]) for e in elements)["vertex"]]
        arr = np.array(vertex_rows, dtype=np.float64)
        return arr[:, [names.index("x"), names.index("y"), names.index("z")]], faces
    order = "<" if fmt == "binary_little_endian" else ">"
    off = 0
    for name, count, props in elements:
        if any(p[0] == "list" for p in props):
            for _ in range(count):
                for p in props:
                    if p[0] == "list":
                        ct, it = np.dtype(order + PLY_TYPES[p[1]]), np.dtype(order + PLY_TYPES[p[2]])
                        n = int(np.frombuffer(body, ct, 1, off)[0]); off += ct.itemsize + n * it.itemsize
                    else:
                        off += np.dtype(PLY_TYPES[p[0]]).itemsize
            if name == "face":
                faces = count
        else:
            dt = np.dtype([(p[1], order + PLY_TYPES[p[0]]) for p in props])
            rec = np.frombuffer(body, dt, count, off); off += dt.itemsize * count
            if name == "vertex":
                xyz = np.stack([rec["x"], rec["y"], rec["z"]], 1).astype(np.float64)
            if name == "face":
                faces = count
    return xyz, faces


def off(text):
    lines = [l for l in text.splitlines() if l.strip() and not l.strip().startswith("#")]
    head = lines[0].split()
    counts = head[1:] if len(head) > 1 else lines[1].split()
    start = 1 if len(head) > 1 else 2
    nv, nf = int(counts[0]), int(counts[1])
    xyz = np.array([[float(v) for v in l.split()[:3]] for l in lines[start:start + nv]])
    return xyz, nf


def xyz_file(text):
    rows = [l.replace(",", " ").split() for l in text.splitlines()
            if l.strip() and not l.strip().startswith(("#", "//"))]
    return np.array([[float(v) for v in r[:3]] for r in rows]), 0


def lzf(src, size):
    out, i = bytearray(), 0
    while i < len(src):
        c = src[i]; i += 1
        if c < 32:
            out += src[i:i + c + 1]; i += c + 1
        else:
            n = c >> 5
            if n == 7:
                n += src[i]; i += 1
            ref = len(out) - ((c & 0x1f) << 8) - src[i] - 1; i += 1
            for _ in range(n + 2):
                out.append(out[ref]); ref += 1
    assert len(out) == size
    return bytes(out)


def pcd(data):
    header = {}
    pos = 0
    while True:
        end = data.index(b"\n", pos)
        line = data[pos:end].decode("ascii").strip(); pos = end + 1
        if line.startswith("#") or not line:
            continue
        key, *rest = line.split()
        header[key] = rest
        if key == "DATA":
            break
    names, sizes, types = header["FIELDS"], [int(s) for s in header["SIZE"]], header["TYPE"]
    counts = [int(c) for c in header.get("COUNT", ["1"] * len(names))]
    n = int(header["POINTS"][0])
    dt = [(nm, "<" + {"F": "f", "U": "u", "I": "i"}[t] + str(s), (c,)) for nm, s, t, c in zip(names, sizes, types, counts)]
    mode = header["DATA"][0]
    if mode == "ascii":
        arr = np.array([[float(v) for v in l.split()] for l in data[pos:].decode().splitlines() if l.strip()])
        cols = list(np.cumsum([0] + counts))
        get = lambda nm: arr[:, cols[names.index(nm)]]
    elif mode == "binary":
        rec = np.frombuffer(data, np.dtype(dt), n, pos)
        get = lambda nm: rec[nm][:, 0].astype(np.float64)
    else:
        csize, usize = struct.unpack("<II", data[pos:pos + 8])
        raw = lzf(data[pos + 8:pos + 8 + csize], usize)
        cols, off_ = {}, 0
        for nm, s, t, c in zip(names, sizes, types, counts):
            cols[nm] = np.frombuffer(raw, "<" + {"F": "f", "U": "u", "I": "i"}[t] + str(s), n * c, off_).astype(np.float64)
            off_ += n * s * c
        get = lambda nm: cols[nm]
    return np.stack([get("x"), get("y"), get("z")], 1), 0


def main(folder):
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        data = open(path, "rb").read()
        global vertex_rows
        vertex_rows = []
        ext = name.rsplit(".", 1)[1]
        if ext == "ply":
            xyz, faces = ply(data)
        elif ext == "off":
            xyz, faces = off(data.decode())
        elif ext == "xyz":
            xyz, faces = xyz_file(data.decode())
        elif ext == "pcd":
            xyz, faces = pcd(data)
        else:
            continue
        finite = xyz[np.isfinite(xyz).all(1)]
        out[name] = {"nodes": int(len(xyz)), "faces": int(faces),
                     "bbox_min": finite.min(0).tolist(), "bbox_max": finite.max(0).tolist(),
                     "centroid": finite.mean(0).tolist(), "nonfinite": int(len(xyz) - len(finite))}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
