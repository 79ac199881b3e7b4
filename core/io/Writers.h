#pragma once
// Writers: binary little-endian PLY, NPY, NPZ and extended XYZ. All write to a temporary file and
// rename it into place.

#include "data/Sample.h"

#include <string>

namespace equiscope {

// Every per-node field becomes vertex properties (types recorded in header comments, so
// our reader restores them); faces and edges are kept.
void writePly(const std::string& path, const Sample& sample);

// The positions, then every other per-node numeric field, as one [N, C] array; float64
// when any of them was stored as float64, else float32.
void writeNpy(const std::string& path, const Sample& sample);

// Named arrays of any shape as an uncompressed .npz (np.savez's layout), float64.
struct NamedArray {
    std::string name;
    std::vector<int64_t> shape;
    std::vector<double> values;
};
void writeNpz(const std::string& path, const std::vector<NamedArray>& arrays);

// Extended XYZ (every frame; ExtXyzWriter.cpp), readable by ASE and by our reader.
void writeExtXyz(const std::string& path, const Sample& sample);

// Chooses the writer by extension (.ply, .npy, .xyz/.extxyz); throws Error for any other.
void writeSample(const std::string& path, const Sample& sample);

} // namespace equiscope
