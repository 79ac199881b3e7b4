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


# The rest of the suite, per reader (issue #13 item 3): headers, records, values and
# truncations that each reader must refuse with the line or byte and what it expected.


def series(prefix, klass, cases, budget=0):
    for suffix, hint, data in cases:
        put(prefix + suffix, klass, hint, data, budget)


VALID_PLY_BIN = ply("binary_little_endian", "element vertex 2\n" + XYZ +
                    "element face 1\nproperty list uchar int vertex_indices\n",
                    struct.pack("<6f", 0, 0, 0, 1, 1, 1) + b"\x03" + struct.pack("<3i", 0, 1, 1))
series("ply_header_", "ply header", [
    ("magic.ply", "magic line 'ply'", "plyx\nformat ascii 1.0\nend_header\n"),
    ("format_version.ply", "format <encoding> 1.0", "ply\nformat ascii\nelement vertex 0\nend_header\n"),
    ("format_encoding.ply", "expected ascii, binary_little_endian or binary_big_endian",
     "ply\nformat binary 1.0\nelement vertex 0\nend_header\n"),
    ("element_no_count.ply", "element <name> <count>", "ply\nformat ascii 1.0\nelement vertex\nend_header\n"),
    ("element_word_count.ply", "element <name> <count>",
     "ply\nformat ascii 1.0\nelement vertex many\nend_header\n"),
    ("property_no_name.ply", "property <type> <name>",
     "ply\nformat ascii 1.0\nelement vertex 1\nproperty float\nend_header\n"),
    ("list_float_count.ply", "property list <integer type>",
     "ply\nformat ascii 1.0\nelement vertex 1\n" + XYZ +
     "element face 1\nproperty list float int vertex_indices\nend_header\n0 0 0\n1 0\n"),
    ("list_bad_item_type.ply", "property list <integer type> <type> <name>",
     "ply\nformat ascii 1.0\nelement vertex 1\n" + XYZ +
     "element face 1\nproperty list uchar quad vertex_indices\nend_header\n"),
    ("unknown_keyword.ply", "unknown header keyword",
     "ply\nformat ascii 1.0\nelement vertex 1\n" + XYZ + "vertex_colour red\nend_header\n0 0 0\n"),
    ("header_cut.ply", "unknown header keyword 'prop'", "ply\nformat binary_little_endian 1.0\nelement vertex 2\nprop"),
    ("only_magic.ply", "no 'end_header' line", "ply\n"),
    ("no_x.ply", "no x, y and z", "ply\nformat ascii 1.0\nelement vertex 1\nproperty float y\n"
     "property float z\nend_header\n1 2\n"),
])
series("ply_body_", "ply body", [
    ("binary_cut_face.ply", "file ends inside record", VALID_PLY_BIN[:-3]),
    ("binary_cut_list_count.ply", "more than the 0 bytes left", VALID_PLY_BIN[:-13]),
    ("binary_cut_vertex.ply", "more than the", VALID_PLY_BIN[:-20]),
    ("big_endian_cut.ply", "more than the",
     ply("binary_big_endian", "element vertex 3\n" + XYZ, struct.pack(">7f", *range(7)))),
    ("ascii_face_short.ply", "unexpected end of file",
     ply("ascii", "element vertex 2\n" + XYZ + "element face 1\n"
         "property list uchar int vertex_indices\n", "0 0 0\n1 1 1\n3 0 1\n")),
    ("ascii_face_word.ply", "a list item",
     ply("ascii", "element vertex 2\n" + XYZ + "element face 1\n"
         "property list uchar int vertex_indices\n", "0 0 0\n1 1 1\n3 0 one 1\n")),
    ("ascii_list_length_word.ply", "a list length",
     ply("ascii", "element vertex 2\n" + XYZ + "element face 1\n"
         "property list uchar int vertex_indices\n", "0 0 0\n1 1 1\nthree 0 1 1\n")),
    ("ascii_face_negative.ply", "vertex index of face 0",
     ply("ascii", "element vertex 2\n" + XYZ + "element face 1\n"
         "property list uchar int vertex_indices\n", "0 0 0\n1 1 1\n3 0 1 -1\n")),
    ("ascii_x_word.ply", "property 'x'", ply("ascii", "element vertex 1\n" + XYZ, "x 0 0\n")),
    ("ascii_z_missing.ply", "unexpected end of file",
     ply("ascii", "element vertex 1\n" + XYZ, "0 0\n" + " " * 20 + "\n")),
    ("binary_face_index_high.ply", "vertex index of face 0",
     VALID_PLY_BIN[:-4] + struct.pack("<i", 2)),
    ("binary_list_negative.ply", "negative list length",
     ply("binary_little_endian", "element vertex 1\n" + XYZ +
         "element face 1\nproperty list char int vertex_indices\n",
         struct.pack("<3f", 0, 0, 0) + b"\xfe")),
])

OFF_TRI = "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n"
series("off_header_", "off header", [
    ("magic_lower.off", "magic 'OFF'", "off\n1 0 0\n0 0 0\n"),
    ("magic_word.off", "magic 'OFF'", "OBJ\n1 0 0\n0 0 0\n"),
    ("counts_words.off", "counts 'vertices faces edges'", "OFF\nthree one zero\n0 0 0\n"),
    ("counts_negative.off", "integers >= 0", "OFF\n-3 1 0\n0 0 0\n"),
    ("counts_two.off", "counts 'vertices faces edges'", "OFF\n3\n"),
    ("counts_fraction.off", "counts 'vertices faces edges'", "OFF\n2.5 0 0\n0 0 0\n1 1 1\n"),
    ("comments_only.off", "no OFF header", "# a mesh\n# nothing here\n"),
    ("binary_off.off", "binary OFF", "OFF BINARY\n" + "\x00" * 12),
    ("faces_too_many.off", "faces", "OFF\n3 100000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"),
    ("glued_counts_word.off", "counts 'vertices faces edges'", "OFFx 0 0\n"),
])
series("off_body_", "off body", [
    ("vertex_word.off", "expected a number", "OFF\n2 0 0\n0 0 0\n1 one 0\n"),
    ("vertex_short.off", "expected 3 numbers", "OFF\n2 0 0\n0 0 0\n1 1\n# padding padding\n"),
    ("vertex_nan_word.off", "expected a number", "OFF\n1 0 0\nnone 0 0\n"),
    ("vertices_missing.off", "unexpected end of file",
     "OFF\n4 0 0\n0 0 0\n1 1 1\n# padding padding padding\n"),
    ("face_count_word.off", "vertex count followed by that many indices", OFF_TRI + "three 0 1 2\n"),
    ("face_short.off", "vertex count followed by that many indices", OFF_TRI + "3 0 1\n"),
    ("face_index_negative.off", "vertex index in [0, 3)", OFF_TRI + "3 0 1 -2\n"),
    ("face_index_high.off", "vertex index in [0, 3)", OFF_TRI + "3 0 1 9\n"),
    ("face_index_word.off", "vertex index in [0, 3), got 'one'", OFF_TRI + "3 0 one 2\n"),
    ("face_missing.off", "1 faces after the vertices", OFF_TRI),
    ("faces_cut.off", "after 1 of 2 faces", "OFF\n3 2 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n"),
    ("face_count_negative.off", "vertex count followed by that many indices", OFF_TRI + "-3 0 1 2\n"),
    ("coff_no_colour.off", "a colour (3 or 4 values)", "COFF\n1 0 0\n0 0 0\n"),
    ("coff_colour_word.off", "expected a number", "COFF\n1 0 0\n0 0 0 red 0 0 255\n"),
    ("noff_short.off", "numbers on vertex line", "NOFF\n1 0 0\n0 0 0 0 1\n"),
    ("face_index_fraction.off", "vertex index in [0, 3), got '1.5'", OFF_TRI + "3 0 1 1.5\n"),
    ("vertex_glued_word.off", "expected a number", "OFF\n1 0 0\n0 0 1infinity\n# padding padding\n"),
])


PCD_XYZ = PCD + "FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\n"


def pcd(rest, body=b""):
    return (PCD_XYZ + rest).encode() + body


series("pcd_header_", "pcd header", [
    ("no_fields.pcd", "no FIELDS line", PCD + "SIZE 4\nTYPE F\nWIDTH 1\nHEIGHT 1\nDATA ascii\n1\n"),
    ("no_width.pcd", "no WIDTH line", pcd("HEIGHT 1\nPOINTS 1\nDATA ascii\n0 0 0\n")),
    ("data_kind.pcd", "expected 'DATA ascii', 'DATA binary' or 'DATA binary_compressed'",
     pcd("WIDTH 1\nHEIGHT 1\nDATA binary_lzma\n")),
    ("size_word.pcd", "bad SIZE or TYPE entry",
     PCD + "FIELDS x y z\nSIZE 4 four 4\nTYPE F F F\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0\n"),
    ("size_three.pcd", "unsupported TYPE/SIZE F3",
     PCD + "FIELDS x y z\nSIZE 4 3 4\nTYPE F F F\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0\n"),
    ("count_zero.pcd", "bad COUNT for field",
     PCD + "FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 0 1\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0\n"),
    ("count_short.pcd", "3 entries each",
     PCD + "FIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0\n"),
    ("type_short.pcd", "3 entries each",
     PCD + "FIELDS x y z\nSIZE 4 4 4\nTYPE F F\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0\n"),
    ("width_negative.pcd", "integer >= 0", pcd("WIDTH -1\nHEIGHT 1\nDATA ascii\n")),
    ("height_word.pcd", "integer >= 0", pcd("WIDTH 1\nHEIGHT one\nDATA ascii\n0 0 0\n")),
    ("points_word.pcd", "integer >= 0", pcd("WIDTH 1\nHEIGHT 1\nPOINTS one\nDATA ascii\n0 0 0\n")),
    ("width_twice.pcd", "'WIDTH' given twice", pcd("WIDTH 1\nWIDTH 2\nHEIGHT 1\nDATA ascii\n0 0 0\n")),
    ("unknown_keyword.pcd", "unknown header keyword",
     pcd("WIDTH 1\nHEIGHT 1\nCOLOUR red\nDATA ascii\n0 0 0\n")),
    ("no_xyz.pcd", "no x, y and z",
     PCD + "FIELDS a b c\nSIZE 4 4 4\nTYPE F F F\nWIDTH 1\nHEIGHT 1\nDATA ascii\n0 0 0\n"),
])
series("pcd_body_", "pcd body", [
    ("ascii_word.pcd", "a number", pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA ascii\n0 zero 0\n")),
    ("ascii_short.pcd", "a number", pcd("WIDTH 2\nHEIGHT 1\nPOINTS 2\nDATA ascii\n0 0 0\n1 1\n" + " " * 20 + "\n")),
    ("ascii_missing_points.pcd", "more than the 7 bytes left", pcd("WIDTH 3\nHEIGHT 1\nPOINTS 3\nDATA ascii\n0 0 0\n")),
    ("binary_empty.pcd", "more than the 0 bytes left", pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA binary\n")),
    ("binary_half.pcd", "more than the", pcd("WIDTH 4\nHEIGHT 1\nPOINTS 4\nDATA binary\n", b"\x00" * 24)),
    ("binary_rows.pcd", "POINTS 6", pcd("WIDTH 3\nHEIGHT 2\nPOINTS 6\nDATA binary\n", b"\x00" * 12)),
    ("compressed_no_sizes.pcd", "compressed and uncompressed sizes (8 bytes)",
     pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA binary_compressed\n", b"\x01\x00")),
    ("compressed_past_end.pcd", "compressed size 500 exceeds the 4 bytes left",
     pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA binary_compressed\n", struct.pack("<II", 500, 12) + b"\x00" * 4)),
    ("compressed_wrong_size.pcd", "differs from POINTS",
     pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA binary_compressed\n", struct.pack("<II", 1, 16) + b"\x00")),
    ("compressed_corrupt.pcd", "corrupt LZF",
     pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA binary_compressed\n", struct.pack("<II", 2, 12) + b"\xe0\x05")),
    ("compressed_short_output.pcd", "corrupt LZF",
     pcd("WIDTH 1\nHEIGHT 1\nPOINTS 1\nDATA binary_compressed\n", struct.pack("<II", 3, 12) + b"\x01\x00\x00")),
])

F8_2x3 = struct.pack("<6d", 0, 0, 0, 1, 1, 1)
series("npy_", "npy header", [
    ("empty.npy", "empty", b""),
    ("magic_only.npy", "magic '\\x93NUMPY'", b"\x93NUMPY"),
    ("version_9.npy", "unsupported .npy version", b"\x93NUMPY\x09\x00\x10\x00" + b" " * 16),
    ("no_descr.npy", "'descr'",
     b"\x93NUMPY\x01\x00\x36\x00" + b"{'fortran_order': False, 'shape': (2, 3), }".ljust(53) + b"\n" + F8_2x3),
    ("header_cut.npy", "header length", npy("<f8", "(2, 3)", b"")[:30]),
    ("descr_string.npy", "float32 or float64", npy("<U8", "(2, 3)", b"\x00" * 192)),
    ("descr_bool.npy", "float32 or float64", npy("|b1", "(2, 3)", b"\x00" * 6)),
    ("descr_float16.npy", "float32 or float64", npy("<f2", "(2, 3)", b"\x00" * 12)),
    ("shape_word.npy", "shape tuple", npy("<f8", "'two'", F8_2x3)),
    ("shape_negative.npy", "bad shape", npy("<f8", "(-2, 3)", F8_2x3)),
    ("shape_fraction.npy", "bad shape", npy("<f8", "(2.5, 3)", F8_2x3)),
    ("shape_unclosed.npy", "shape tuple", npy("<f8", "(2, 3", F8_2x3)),
    ("fortran_3d.npy", "Fortran-ordered arrays of more than two dimensions",
     npy("<f8", "(2, 2, 3)", b"\x00" * 96, order="True")),
    ("one_column.npy", "[N,3] or [N,C] with C >= 2", npy("<f8", "(4, 1)", b"\x00" * 32)),
    ("scalar.npy", "[N,3] or [N,C]", npy("<f8", "()", b"\x00" * 8)),
])
series("npy_data_", "npy data", [
    ("cut.npy", "bytes left", npy("<f8", "(2, 3)", F8_2x3[:40])),
    ("f4_cut.npy", "bytes left", npy("<f4", "(10, 3)", b"\x00" * 100)),
    ("big_endian_cut.npy", "bytes left", npy(">f8", "(3, 3)", b"\x00" * 48)),
    ("i8_cut.npy", "bytes left", npy("<i8", "(2, 3)", b"\x00" * 8)),
    ("trajectory_cut.npy", "bytes left", npy("<f8", "(5, 4, 3)", b"\x00" * 200)),
    ("trajectory_2d_wrong.npy", "[T,N,D]", npy("<f8", "(2, 3, 7)", b"\x00" * 336)),
    ("nri_wrong_d.npy", "with D = 2 or 3", npy("<f8", "(1, 2, 5, 4, 6)", b"\x00" * 1920)),
    ("fortran_cut.npy", "bytes left", npy("<f8", "(4, 3)", b"\x00" * 90, order="True")),
    ("zero_rows_wide.npy", "an axis of length 0", npy("<f8", "(0, 0, 3)", b"")),
    ("one_byte.npy", "1 bytes left", npy("<f8", "(1, 3)", b"\x00")),
])


def npz(*members):
    return zip_archive([(name, data, 0) for name, data in members])


series("npz_", "npz archive", [
    ("empty.npz", "the file is empty", b""),
    ("not_zip.npz", "end-of-directory", b"this is plain text, not an archive of arrays" * 2),
    ("cut_central.npz", "end-of-directory", npz(("pos.npy", POS))[:-30]),
    ("cut_body.npz", "expected a zip", npz(("pos.npy", POS))[40:]),
    ("no_members.npz", "no .npy member", zip_archive([])),
    ("text_member.npz", "no .npy member", npz(("notes.txt", b"hello"))),
    ("bad_method.npz", "expected stored or deflate", zip_archive([("pos.npy", POS, 12)])),
    ("local_offset_past.npz", "expected a zip local header",
     zip_archive([("pos.npy", POS, 0)], local_offset=5000)),
    ("sizes_inconsistent.npz", "header length 118 exceeds the file", zip_archive([("pos.npy", POS, 0)], claimed=(20, 30))),
    ("deflate_garbage.npz", "corrupt deflate data", zip_archive([("pos.npy", POS, 8)], claimed=None)
     .replace(zlib.compress(POS)[2:-4], b"\xff" * len(zlib.compress(POS)[2:-4]))),
    ("member_bad_magic.npz", "\\x93NUMPY", npz(("pos.npy", b"NUMPY" + POS[6:]))),
    ("member_cut.npz", "bytes left", npz(("pos.npy", POS[:-10]))),
    ("member_complex.npz", "float32 or float64", npz(("pos.npy", npy("<c8", "(2, 3)", b"\x00" * 48)))),
    ("member_one_column.npz", "[N,3] or [N,C]", npz(("data.npy", npy("<f8", "(4,)", b"\x00" * 32)))),
    ("traj_velocity_shape.npz", "velocities must have the positions' shape",
     npz(("pos.npy", npy("<f8", "(2, 3, 3)", b"\x00" * 144)), ("vel.npy", npy("<f8", "(2, 2, 3)", b"\x00" * 96)))),
    ("traj_charges.npz", "expected charges [S,N]",
     npz(("loc.npy", npy("<f8", "(2, 4, 3, 5)", b"\x00" * 960)), ("charges.npy", npy("<f8", "(3, 5)", b"\x00" * 120)))),
    ("traj_edges.npz", "expected interaction graphs [S,N,N]",
     npz(("loc.npy", npy("<f8", "(2, 4, 3, 5)", b"\x00" * 960)), ("edges.npy", npy("<f8", "(2, 4, 4)", b"\x00" * 256)))),
    ("cut_local_header.npz", "too short for a zip archive", npz(("pos.npy", POS))[:20]),
    ("member_empty.npz", "(member pos.npy): byte 0: expected the magic", npz(("pos.npy", b""))),
    ("member_shape_too_big.npz", "more than the 24 bytes left",
     npz(("pos.npy", npy("<f8", "(1000000, 3)", b"\x00" * 24)))),
    ("member_fortran_3d.npz", "Fortran-ordered arrays of more than two dimensions",
     npz(("pos.npy", npy("<f8", "(2, 2, 3)", b"\x00" * 96, order="True")))),
    ("deflate_not_npy.npz", "(member pos.npy): byte 0: expected the magic",
     zip_archive([("pos.npy", b"a deflated text member, not an array" * 4, 8)])),
    ("directory_count_wrong.npz", "central-directory entry",
     npz(("pos.npy", POS))[:-22] + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 5, 5, 53, 170, 0)),
    ("part_label_negative.npz", "the part label of point 0",
     npz(("pos.npy", POS), ("part.npy", npy("<i8", "(2,)", struct.pack("<2q", -2**40, 1))))),
])


BVH_HEAD = "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 3 Xposition Yposition Zposition\n"
BVH_ONE = BVH_HEAD + "}\nMOTION\nFrames: 2\nFrame Time: 0.1\n"
series("bvh_hierarchy_", "bvh hierarchy", [
    ("no_hierarchy.bvh", "expected 'HIERARCHY'", "ROOT Hips\n{\n}\n"),
    ("no_root.bvh", "expected 'ROOT'", "HIERARCHY\nJOINT Hips\n{\n}\n"),
    ("root_unnamed.bvh", "the root's name", "HIERARCHY\nROOT"),
    ("no_offset.bvh", "expected 'OFFSET'", "HIERARCHY\nROOT Hips\n{\nCHANNELS 0\n}\n"),
    ("offset_word.bvh", "an OFFSET value", "HIERARCHY\nROOT Hips\n{\nOFFSET 0 zero 0\nCHANNELS 0\n}\n"),
    ("offset_short.bvh", "an OFFSET value", "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0\nCHANNELS 0\n}\n"),
    ("no_channels.bvh", "expected 'CHANNELS'", "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\n}\n"),
    ("channels_seven.bvh", "0 to 6 channels, got 7",
     "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 7 Xposition\n}\n"),
    ("channels_negative.bvh", "0 to 6 channels, got -1",
     "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS -1\n}\n"),
    ("channels_word.bvh", "the channel count", "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS three\n}\n"),
    ("channel_lower.bvh", "unknown channel", "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 1 xrotation\n}\n"),
    ("channels_cut.bvh", "a channel name", "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 3 Xposition"),
    ("bad_child.bvh", "expected JOINT, End Site or '}'", BVH_HEAD + "BONE Spine\n{\n}\n}\n"),
    ("joint_unnamed.bvh", "a joint name", BVH_HEAD + "JOINT"),
    ("end_no_site.bvh", "expected 'Site'", BVH_HEAD + "End Point\n{\nOFFSET 0 1 0\n}\n}\n"),
    ("end_site_channels.bvh", "expected '}'", BVH_HEAD + "End Site\n{\nOFFSET 0 1 0\nCHANNELS 0\n}\n}\n"),
    ("unclosed.bvh", "JOINT, End Site or '}'", BVH_HEAD + "JOINT Spine\n{\nOFFSET 0 1 0\nCHANNELS 0\n"),
])
series("bvh_motion_", "bvh motion", [
    ("no_motion.bvh", "unexpected end of file; expected MOTION", BVH_HEAD + "}\n"),
    ("no_frames.bvh", "expected 'Frames:'", BVH_HEAD + "}\nMOTION\nFrame Time: 0.1\n"),
    ("frames_word.bvh", "the frame count", BVH_HEAD + "}\nMOTION\nFrames: two\nFrame Time: 0.1\n"),
    ("frames_negative.bvh", "a frame count >= 0", BVH_HEAD + "}\nMOTION\nFrames: -2\nFrame Time: 0.1\n"),
    ("no_frame_time.bvh", "expected 'Frame'", BVH_HEAD + "}\nMOTION\nFrames: 1\n1 2 3\n"),
    ("frame_time_word.bvh", "the frame time", BVH_HEAD + "}\nMOTION\nFrames: 1\nFrame Time: fast\n1 2 3\n"),
    ("value_word.bvh", "a channel value", BVH_ONE + "1 2 3\n4 five 6\n"),
    ("values_missing.bvh", "2 frames of 3 channels", BVH_ONE + "1 2 3\n"),
    ("frames_cut.bvh", "frames of 3 channels", BVH_HEAD + "}\nMOTION\nFrames: 50\nFrame Time: 0.1\n1 2 3\n"),
])

# TU datasets: suffix -> text, in the reader's order.
TU_OK = {"_graph_indicator.txt": "1\n1\n2\n2\n", "_A.txt": "1, 2\n2, 1\n3, 4\n4, 3\n"}


def tu(**changes):
    files = dict(TU_OK)
    for key, text in changes.items():
        files["_" + key + ".txt"] = text
    return {k: v for k, v in files.items() if v is not None}


series("tu_", "tu files", [
    ("indicator_word", "DS_graph_indicator.txt:2: expected a number", tu(graph_indicator="1\none\n2\n2\n")),
    ("indicator_two_columns", "expected 1 values on this line, got 2", tu(graph_indicator="1\n1 1\n2\n2\n")),
    ("indicator_zero", "a graph id (at most the node count)", tu(graph_indicator="0\n1\n2\n2\n")),
    ("indicator_descending", "ascending order", tu(graph_indicator="2\n2\n1\n1\n")),
    ("indicator_fraction", "a graph id (at most the node count)", tu(graph_indicator="1\n1.5\n2\n2\n")),
    ("indicator_negative", "a graph id (at most the node count)", tu(graph_indicator="-1\n1\n2\n2\n")),
    ("adjacency_word", "expected a number", tu(A="1, 2\n2, x\n")),
    ("adjacency_one_column", "expected 2 values on this line, got 1", tu(A="1, 2\n2\n")),
    ("adjacency_three_columns", "DS_A.txt:1: expected 2 values on this line, got 3", tu(A="1, 2, 3\n")),
    ("adjacency_node_zero", "a node id", tu(A="0, 1\n")),
    ("adjacency_node_high", "a node id", tu(A="1, 5\n")),
    ("adjacency_node_fraction", "a node id", tu(A="1, 1.5\n")),
    ("adjacency_node_inf", "a node id", tu(A="1, inf\n")),
    ("adjacency_across_graphs", "two different graphs", tu(A="1, 3\n")),
    ("graph_labels_rows", "expected 2 (one per graph)", tu(graph_labels="1\n")),
    ("graph_labels_word", "expected a number", tu(graph_labels="1\nactive\n")),
    ("node_labels_rows", "expected 4 (one per node)", tu(node_labels="0\n1\n")),
    ("node_labels_wide", "expected 1 values on this line, got 2", tu(node_labels="0\n1 1\n0\n0\n")),
    ("node_attributes_ragged", "expected 2 values on this line, got 1",
     tu(node_attributes="0, 1\n1\n0, 0\n0, 0\n")),
    ("node_attributes_rows", "expected 4 (one per node)", tu(node_attributes="0, 1\n")),
    ("node_attributes_word", "expected a number", tu(node_attributes="0\n1\nz\n0\n")),
    ("edge_labels_rows", "expected 4 (one per line of DS_A.txt)", tu(edge_labels="1\n1\n")),
    ("edge_labels_word", "expected a number", tu(edge_labels="1\n1\nsingle\n1\n")),
    ("no_indicator", "DS_graph_indicator.txt: cannot open", tu(graph_indicator=None)),
    ("edge_labels_wide", "expected 1 values on this line, got 2", tu(edge_labels="1\n1 2\n1\n1\n")),
    ("indicator_huge_fraction", "a graph id (at most the node count)", tu(graph_indicator="1\n1\n2\n2.0000001\n")),
])


EXT = "Properties=species:S:1:pos:R:3"
series("extxyz_header_", "extxyz header", [
    ("count_word.extxyz", ".extxyz:1: expected the atom count of a frame", "two\n" + EXT + "\nH 0 0 0\nH 1 0 0\n"),
    ("count_negative.extxyz", "the atom count of a frame", "-1\n" + EXT + "\n"),
    ("count_fraction.extxyz", "the atom count of a frame", "1.5\n" + EXT + "\nH 0 0 0\n"),
    ("no_comment.extxyz", "ends before the frame's comment line", "1"),
    ("properties_pairs.extxyz", "name:type:count triples", "1\nProperties=species:S:pos:R:3\nH 0 0 0\n"),
    ("properties_count_zero.extxyz", "expected 1 to 1000", "1\nProperties=species:S:0:pos:R:3\n0 0 0\n"),
    ("properties_count_word.extxyz", "expected 1 to 1000", "1\nProperties=species:S:one:pos:R:3\nH 0 0 0\n"),
    ("properties_count_huge.extxyz", "expected 1 to 1000", "1\nProperties=species:S:1001:pos:R:3\nH 0 0 0\n"),
    ("properties_type_lower.extxyz", "expected S, R, I or L", "1\nProperties=species:s:1:pos:R:3\nH 0 0 0\n"),
    ("properties_type_long.extxyz", "expected S, R, I or L", "1\nProperties=species:SR:1:pos:R:3\nH 0 0 0\n"),
    ("properties_twice.extxyz", "gives Properties twice", "1\n" + EXT + " " + EXT + "\nH 0 0 0\n"),
    ("no_pos.extxyz", "no pos:R:3 column", "1\nProperties=species:S:1:forces:R:3\nH 0 0 0\n"),
    ("pos_width_two.extxyz", "no pos:R:3 column", "1\nProperties=species:S:1:pos:R:2\nH 0 0\n"),
    ("brace_open.extxyz", "unterminated brace", "1\n" + EXT + " pbc={T T T\nH 0 0 0\n"),
    ("quote_in_key.extxyz", "unterminated quote", "1\n" + EXT + " info=\"a b\nH 0 0 0\n"),
    ("count_over_bytes.extxyz", "bytes left", "5000000\n" + EXT + "\nH 0 0 0\n"),
])
series("extxyz_atoms_", "extxyz atoms", [
    ("too_many_columns.extxyz", "more columns than Properties", "1\n" + EXT + "\nH 0 0 0 7\n"),
    ("too_few_columns.extxyz", "too few columns for Properties (column 'pos'", "1\n" + EXT + "\nH 0 0\n"),
    ("pos_word.extxyz", ".extxyz:3: column 'pos': expected a number", "1\n" + EXT + "\nH 0 zero 0\n"),
    ("int_word.extxyz", "column 'Z': expected a number",
     "1\nProperties=species:S:1:pos:R:3:Z:I:1\nH 0 0 0 one\n"),
    ("logical_word.extxyz", "expected T or F", "1\nProperties=species:S:1:pos:R:3:fixed:L:1\nH 0 0 0 yes\n"),
    ("atoms_missing.extxyz", "expected 3 atom lines", "3\n" + EXT + "\nH 0 0 0\n"),
    ("second_frame_cut.extxyz", "expected 2 atom lines", "1\n" + EXT + "\nH 0 0 0\n2\n" + EXT + "\nH 0 0 0\n"),
    ("second_frame_count.extxyz", ".extxyz:4: expected the atom count of a frame", "1\n" + EXT + "\nH 0 0 0\nH 1 1 1\n"),
    ("plain_word.extxyz", "expected a number", "2\ncomment\nC 0 0 0\nH 1 x 0\n"),
    ("forces_short.extxyz", "too few columns for Properties (column 'forces'",
     "1\nProperties=species:S:1:pos:R:3:forces:R:3\nH 0 0 0 1 1\n"),
    ("empty.extxyz", "the file is empty", ""),
])

GML = '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
series("graphml_xml_", "graphml xml", [
    ("unclosed_root.graphml", "not well-formed XML", GML + "<graph><node id=\"a\"/></graph>"),
    ("mismatched_tag.graphml", "not well-formed XML", GML + "<graph><node id=\"a\"></edge></graph></graphml>"),
    ("bad_attribute.graphml", "not well-formed XML", GML + "<graph><node id=a/></graph></graphml>"),
    ("unquoted_end.graphml", "not well-formed XML", GML + "<graph><node id=\"a/></graph></graphml>"),
    ("bad_comment.graphml", "not well-formed XML", GML + "<!-- never closed <graph/></graphml>"),
    ("cdata_open.graphml", "not well-formed XML", GML + "<graph><node id=\"a\"><![CDATA[x</node></graph></graphml>"),
    ("bad_name.graphml", "not well-formed XML", GML + "<graph><1node id=\"a\"/></graph></graphml>"),
    ("stray_close.graphml", "not well-formed XML", "</graphml>"),
    ("pi_open.graphml", "not well-formed XML", "<?xml version=\"1.0\"\n<graphml/>"),
    ("doctype_open.graphml", "not well-formed XML", "<!DOCTYPE graphml [<graphml/>"),
    ("empty.graphml", "the file is empty", ""),
    ("attribute_no_value.graphml", "not well-formed XML", GML + "<graph><node id/></graph></graphml>"),
    ("tag_cut.graphml", "not well-formed XML", GML + "<graph><node id=\"a\""),
    ("binary.graphml", "not well-formed XML", b"<graphml>\x00\x01\x02<"),
])
series("graphml_graph_", "graphml graph", [
    ("other_root.graphml", "no <graphml> root element", "<gexf><graph/></gexf>"),
    ("no_graph.graphml", "no <graph> element", GML + "<key id=\"d0\" for=\"node\" attr.type=\"int\"/></graphml>"),
    ("graph_nested.graphml", "no <graph> element", GML + "<data><graph/></data></graphml>"),
    ("node_no_id.graphml", "a <node> without id", GML + "<graph><node/></graph></graphml>"),
    ("node_empty_id.graphml", "a <node> without id", GML + "<graph><node id=\"\"/></graph></graphml>"),
    ("edge_no_source.graphml", "without source or target",
     GML + "<graph><node id=\"a\"/><edge target=\"a\"/></graph></graphml>"),
    ("edge_late_no_source.graphml", "without source or target",
     GML + "<graph><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"
     "<edge target=\"b\"/></graph></graphml>"),
    ("node_late_no_id.graphml", "a <node> without id",
     GML + "<graph><node id=\"a\"/><node id=\"b\"/><node name=\"c\"/></graph></graphml>"),
    ("edge_empty_target.graphml", "without source or target",
     GML + "<graph><node id=\"a\"/><edge source=\"a\" target=\"\"/></graph></graphml>"),
    ("node_twice_far.graphml", "<node> id 'n1' declared twice",
     GML + "<graph>" + "".join('<node id="n%d"/>' % k for k in range(5)) + '<node id="n1"/></graph></graphml>'),
    ("key_twice_far.graphml", "<key> id 'k' declared twice",
     GML + '<key id="k" attr.type="int"/><key id="j" attr.type="int"/><key id="k" attr.type="int"/>'
     "<graph/></graphml>"),
    ("deep_data.graphml", "nested more than 256 levels deep",
     GML + "<graph><node id=\"a\"><data key=\"x\">" + "<b>" * 260 + "</b>" * 260 + "</data></node></graph></graphml>"),
    ("vector_long.graphml", "more than 16 times the",
     GML + '<key id="v" for="node" attr.type="vector_double"/><graph><node id="a"><data key="v">' +
     ",".join(["0"] * 3000) + "</data></node>" + "".join('<node id="%d"/>' % k for k in range(400)) +
     "</graph></graphml>"),
])

series("edgelist_columns_", "edge list columns", [
    ("one.edgelist", ".edgelist:1: expected 'source target [weight]', got 1 columns", "1\n"),
    ("one_after.edgelist", "got 1 columns", "1 2\n2 3\n4\n"),
    ("four.edgelist", "got 4 columns", "1 2 3 4\n"),
    ("five.edgelist", "got 5 columns", "a b 1 2 3\n"),
    ("comma_weight.edgelist", "got 4 columns", "1 2 1,5\n"),
    ("separators.edgelist", "got 0 columns", "1 2\n,,,\n"),
    ("tabs_four.edgelist", "got 4 columns", "1\t2\t3\t4\n"),
    ("two_then_three.edgelist", "this line has 3 columns, the first edge 2", "1 2\n2 3\n3 4 1\n"),
    ("three_then_two.edgelist", "this line has 2 columns, the first edge 3", "1 2 0.5\n2 3\n"),
    ("late_ragged.edgelist", ".edgelist:51: this line has 2 columns, the first edge 3",
     "".join("%d %d 1\n" % (k, k + 1) for k in range(50)) + "50 51\n"),
    ("semicolons.edgelist", "got 4 columns", "1;2;3;4\n"),
    ("comment_mid.edgelist", "got 6 columns", "1 2 # the first edge\n"),
])
series("edgelist_values_", "edge list values", [
    ("weight_word.edgelist", "a numeric weight", "1 2 heavy\n"),
    ("weight_unit.edgelist", "a numeric weight", "1 2 3kg\n"),
    ("weight_late.edgelist", ".edgelist:3: expected a numeric weight", "1 2 1\n2 3 2\n3 4 x\n"),
    ("weight_dots.edgelist", "a numeric weight", "1 2 1..5\n"),
    ("weight_sign.edgelist", "a numeric weight", "1 2 --1\n"),
    ("weight_exponent.edgelist", "a numeric weight", "1 2 1e\n"),
    ("weight_hexish.edgelist", "a numeric weight", "1 2 0xZZ\n"),
    ("weight_percent.edgelist", "a numeric weight", "1 2 50%\n"),
    ("empty.edgelist", "the file is empty", ""),
    ("comments_only.edgelist", "no edges", "# a graph\n% with nothing\n"),
    ("blank_lines.edgelist", "no edges", "\n\n   \n\t\n"),
    ("weight_two_dots.edgelist", "a numeric weight", "1 2 1.2.3\n"),
    ("duplicate_only.edgelist", "got 1 columns", "1 2\n2 1\n1\n"),
    ("weight_quoted.edgelist", "a numeric weight", "1 2 \"1\"\n"),
    ("weight_comma_decimal.edgelist", "a numeric weight", "1 2 1'5\n"),
    ("crlf_ragged.edgelist", "this line has 3 columns", "1 2\r\n2 3 4\r\n"),
    ("binary.edgelist", "got 1 columns", b"\x01\x02\x03\x04\n"),
    ("weight_only_sign.edgelist", "a numeric weight", "1 2 -\n"),
])

with open(os.path.join(out, "expected.tsv"), "w") as f:
    f.write("# file\tdefect class\tpart of the message\tread budget (0: default)\n")
    for name, klass, hint, budget in rows:
        f.write("%s\t%s\t%s\t%d\n" % (name, klass, hint, budget))
