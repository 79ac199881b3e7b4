#!/usr/bin/python3
"""Minimal malformed inputs for the readers, one defect class each (issue #13), with the
clean error each must give. Standard library only; run from the repository root:
    /usr/bin/python3 tests/data/make_malformed.py tests/data/malformed
It writes the files (TU datasets as folders) and expected.tsv: file, defect class, a piece of
the expected message, and the read budget in bytes for the read (0: the default).
tests/core/test_malformed.cpp reads every row and checks the message.
"""
import os
import struct
import sys
import zlib

out = sys.argv[1]
rows = []


def put(name, klass, hint, data, budget=0):
    path = os.path.join(out, name)
    if isinstance(data, dict):  # a TU dataset: suffix -> text
        os.makedirs(path, exist_ok=True)
        for suffix, text in data.items():
            with open(os.path.join(path, "DS" + suffix), "w") as f:
                f.write(text)
    else:
        with open(path, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
    rows.append((name, klass, hint, budget))


def ply(fmt, header, body=b""):
    text = "ply\nformat %s 1.0\n%send_header\n" % (fmt, header)
    return text.encode() + (body.encode() if isinstance(body, str) else body)


XYZ = "property float x\nproperty float y\nproperty float z\n"
PCD = "# .PCD v0.7\nVERSION 0.7\n"


def npy(descr, shape, data, order="False"):
    head = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (descr, order, shape)
    head += " " * ((64 - (10 + len(head) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(head)) + head.encode() + data


def zip_archive(members, extra=b"", local_offset=None, claimed=None):
    """Members (name, bytes, method); the first entry's central record can carry `extra`,
    a forged local-header offset and forged (compressed, uncompressed) sizes."""
    body, central = b"", b""
    for i, (name, data, method) in enumerate(members):
        packed = zlib.compress(data)[2:-4] if method == 8 else data
        crc = zlib.crc32(data)
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc,
                            len(packed), len(data), len(name), 0)
        offset = len(body)
        body += local + name.encode() + packed
        sizes = (len(packed), len(data))
        extra_here = b""
        if i == 0:
            sizes = claimed or sizes
            offset = offset if local_offset is None else local_offset
            extra_here = extra
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc,
                               sizes[0], sizes[1], len(name), len(extra_here), 0, 0, 0, 0,
                               offset) + name.encode() + extra_here
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                      len(body), 0)
    return body + central + end


POS = npy("<f8", "(2, 3)", struct.pack("<6d", 0, 0, 0, 1, 1, 1))

# An element or member declared twice.
put("ply_element_twice.ply", "declared twice", "element 'vertex' declared twice",
    ply("ascii", "element vertex 1\n" + XYZ + "element vertex 2\nproperty float x\n", "0 0 0\n1\n2\n"))
put("ply_property_twice.ply", "declared twice", "property 'x' declared twice",
    ply("ascii", "element vertex 1\nproperty float x\n" + XYZ, "0 0 0 0\n"))
put("pcd_fields_twice.pcd", "declared twice", "'FIELDS' given twice",
    PCD + "FIELDS x y z\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0\n")
put("npz_member_twice.npz", "declared twice", "member pos.npy appears twice",
    zip_archive([("pos.npy", POS, 0), ("pos.npy", POS, 0)]))
put("graphml_node_twice.graphml", "declared twice", "<node> id 'a' declared twice",
    '<graphml><graph><node id="a"/><node id="b"/><node id="a"/>'
    '<edge source="a" target="b"/></graph></graphml>')
put("graphml_key_twice.graphml", "declared twice", "<key> id 'd0' declared twice",
    '<graphml><key id="d0" for="node" attr.type="int"/><key id="d0" for="edge" attr.type="string"/>'
    '<graph><node id="a"/></graph></graphml>')
put("extxyz_property_twice.extxyz", "declared twice", "column 'pos' given twice",
    "1\nProperties=species:S:1:pos:R:3:pos:R:3\nH 0 0 0 1 1 1\n")

# An element with records but no properties.
put("ply_face_no_properties.ply", "no properties", "element 'face' has records but no properties",
    ply("binary_little_endian", "element vertex 1\n" + XYZ + "element face 4000000000\n",
        struct.pack("<3f", 0, 0, 0)))
put("ply_ascii_empty_element.ply", "no properties", "element 'junk' has records but no properties",
    ply("ascii", "element vertex 1\n" + XYZ + "element junk 99999999999\n", "0 0 0\n"))

# Lines made only of separators.
put("off_separator_face.off", "separator lines", "after 0 of 1 faces",
    "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n,,;\n")
put("off_separator_header.off", "separator lines", "no OFF header", ",\n;;\n , \n")
put("xyz_separators.xyz", "separator lines", "found 0 fields", ",,,\n;;;\n1 2 3\n")
put("extxyz_separator_atom.extxyz", "separator lines", "too few columns",
    "1\nProperties=species:S:1:pos:R:3\n,,;,\n")
put("tu_separator_lines", "separator lines", "a node id",
    {"_graph_indicator.txt": ",,\n;\n", "_A.txt": "1, 1\n"})

# Counts checked against the bytes that must hold them, before allocating.
put("ply_binary_count.ply", "counts vs bytes", "more than the",
    ply("binary_little_endian", "element vertex 1000000\n" + XYZ, struct.pack("<3f", 0, 0, 0)))
put("pcd_binary_one_short.pcd", "counts vs bytes", "more than the 23 bytes left",
    (PCD + "FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nWIDTH 2\nHEIGHT 1\nPOINTS 2\nDATA binary\n")
    .encode() + b"\x00" * 23)
put("npy_shape_too_big.npy", "counts vs bytes", "more than the 24 bytes left",
    npy("<f8", "(1000000, 3)", b"\x00" * 24))
put("extxyz_wide_columns.extxyz", "counts vs bytes", "too few columns",
    "1000\nProperties=" + "".join("s%d:S:1000:" % k for k in range(20)) + "pos:R:3\n" +
    "H 0 0 0\n" * 1000)
put("graphml_vector_padding.graphml", "counts vs bytes", "more than 16 times the",
    '<graphml><key id="v" for="node" attr.name="w" attr.type="vector_float"/><graph>'
    '<node id="n"><data key="v">' + "1," * 1999 + "1</data></node>" +
    "".join('<node id="%d"/>' % k for k in range(300)) + "</graph></graphml>")
put("off_vertices_too_many.off", "counts vs bytes", "1000000 vertices", "OFF\n1000000 0 0\n0 0 0\n")

# Compressed sizes checked against the bytes that hold them.
put("pcd_compressed_claims.pcd", "compressed sizes", "is impossible for 10 compressed bytes",
    PCD.encode() + b"FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nWIDTH 1000000\nHEIGHT 1\n"
    b"DATA binary_compressed\n" + struct.pack("<II", 10, 12000000) + b"\x09" + b"\x00" * 10)
put("npz_deflate_claims.npz", "compressed sizes", "claims an impossible size",
    zip_archive([("pos.npy", POS, 8)], claimed=(20, 2000000000)))
put("npz_stored_past_end.npz", "compressed sizes", "runs past the end of the archive",
    zip_archive([("pos.npy", POS, 0)], claimed=(1000000, 1000000)))

# Per-graph vectors sized by the largest id (TU), checked against the node count.
put("tu_graph_id_huge", "graph ids", "a graph id (at most the node count)",
    {"_graph_indicator.txt": "1\n1000000000000\n", "_A.txt": "1, 2\n"})
put("tu_graph_id_inf", "graph ids", "a graph id (at most the node count)",
    {"_graph_indicator.txt": "1\ninf\n", "_A.txt": "1, 2\n"})

# Joints x frames (BVH), checked against the bytes and the budget.
ROOT0 = "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 0\n}\nMOTION\n"
put("bvh_frames_no_channels.bvh", "joints x frames", "1000000000000 frames of 0 channels",
    ROOT0 + "Frames: 1000000000000\nFrame Time: 0.1\n\n")
put("bvh_frames_too_many.bvh", "joints x frames", "99999999 frames of 3 channels",
    "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 3 Xposition Yposition Zposition\n}\n"
    "MOTION\nFrames: 99999999\nFrame Time: 0.1\n1 2 3\n")
put("bvh_joints_frames_budget.bvh", "joints x frames", "2000 frames of 101 joints",
    "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 1 Xposition\n" +
    "End Site\n{\nOFFSET 0 1 0\n}\n" * 100 + "}\nMOTION\nFrames: 2000\nFrame Time: 0.1\n" +
    "0\n" * 2000, budget=1 << 20)

# Nesting without a depth limit.
put("bvh_deep.bvh", "nesting", "joints nested more than 256 levels deep",
    "HIERARCHY\nROOT J\n{\nOFFSET 0 0 0\nCHANNELS 0\n" +
    "JOINT J\n{\nOFFSET 0 0 0\nCHANNELS 0\n" * 300 + "}\n" * 301)
put("graphml_deep.graphml", "nesting", "XML elements nested more than 256 levels deep",
    "<graphml>" + "<a>" * 300 + "</a>" * 300 + "<graph/></graphml>")

# Offsets and products that overflow or wrap.
put("npz_extra_wraps.npz", "overflow", "runs past its entry's extra field",
    zip_archive([("pos.npy", POS, 0)], extra=struct.pack("<HH", 0x9999, 0xFFFC)))
put("npz_zip64_offset.npz", "overflow", "expected a zip local header",
    zip_archive([("pos.npy", POS, 0)], local_offset=0xFFFFFFFF,
                extra=struct.pack("<HHQ", 1, 8, 0xFFFFFFFFFFFFFFF0)))
put("pcd_width_height_overflow.pcd", "overflow", "WIDTH x HEIGHT overflows",
    PCD + "FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nWIDTH 4294967296\nHEIGHT 4294967296\n"
    "DATA binary\n")
put("npy_trajectory_zero_axis.npy", "overflow", "an axis of length 0",
    npy("<f8", "(4611686018427387904, 0, 4, 3)", b""))

# Floating-point values converted to integers without a range check.
put("ply_face_index_nan.ply", "float to integer", "a vertex index of face 0",
    ply("binary_little_endian", "element vertex 3\n" + XYZ +
        "element face 1\nproperty list uchar float vertex_indices\n",
        b"\x00" * 36 + b"\x03" + struct.pack("<3f", 0, 1, float("nan"))))
put("ply_face_index_fraction.ply", "float to integer", "got 1.5",
    ply("ascii", "element vertex 3\n" + XYZ + "element face 1\n"
        "property list uchar float vertex_indices\n", "0 0 0\n1 0 0\n0 1 0\n3 0 1 1.5\n"))
put("ply_edge_index_huge.ply", "float to integer", "a vertex index of edge 0",
    ply("ascii", "element vertex 2\n" + XYZ + "element edge 1\nproperty double vertex1\n"
        "property double vertex2\n", "0 0 0\n1 0 0\n0 1e300\n"))
put("pcd_packed_rgb_negative.pcd", "float to integer", "a packed colour",
    PCD + "FIELDS x y z rgb\nSIZE 4 4 4 4\nTYPE F F F U\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0 -1\n")
put("npz_part_label_huge.npz", "float to integer", "the part label of point 1",
    zip_archive([("pos.npy", POS, 0),
                 ("part.npy", npy("<i8", "(2,)", struct.pack("<2q", 0, 2**63 - 1)), 0)]))
put("extxyz_part_nan.extxyz", "float to integer", "the part label of node 0",
    "1\nProperties=species:S:1:pos:R:3:part:I:1\nH 0 0 0 nan\n")
put("tu_node_id_nan", "float to integer", "a node id",
    {"_graph_indicator.txt": "1\n1\n", "_A.txt": "nan, 1\n"})

# NRI's interaction graphs [S,N,N] of 0/1 opened on their own.
put("npy_interaction_graphs.npy", "interaction graphs alone", "interaction graphs [S,N,N]",
    npy("<f8", "(4, 3, 3)", struct.pack("<36d", *([0, 1, 1, 1, 0, 1, 1, 1, 0] * 4))))
put("npy_interaction_graphs_f4.npy", "interaction graphs alone", "(2, 5, 5) of 0/1",
    npy("<f4", "(2, 5, 5)", struct.pack("<50f", *([0, 1] * 25))))

# Decoded sizes over the read budget.
put("ply_over_budget.ply", "memory budget", "would need",
    ply("binary_little_endian", "element vertex 4000\nproperty uchar x\nproperty uchar y\n"
        "property uchar z\n", b"\x01" * 12000), budget=65536)
put("npy_over_budget.npy", "memory budget", "would need",
    npy("|u1", "(3000, 3)", b"\x02" * 9000), budget=65536)

with open(os.path.join(out, "expected.tsv"), "w") as f:
    f.write("# file\tdefect class\tpart of the message\tread budget (0: default)\n")
    for name, klass, hint, budget in rows:
        f.write("%s\t%s\t%s\t%d\n" % (name, klass, hint, budget))
