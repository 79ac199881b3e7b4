#pragma once
// A named array of numbers plus the way a group acts on it.

#include "data/FieldType.h"

#include <cstdint>
#include <string>
#include <vector>

namespace equiscope {

// Values are kept as float64 on the host whatever the file stored (UTM-sized coordinates
// survive, NaN and Inf are kept); models convert to their own dtype and device.
struct Field {
    std::string name;
    FieldType type = FieldType::Scalar;
    // [N, C] per node, [C] per sample, [T, N, C] per node over time.
    std::vector<int64_t> shape;
    std::vector<double> values; // row-major, size = product of shape
    Storage storage = Storage::Float32;
    std::string irreps;                  // e3nn notation, only for FieldType::Irreps
    std::vector<std::string> categories; // names of the codes 0.. of a categorical field

    // A per-node field [rows, width]; checks the width the type requires.
    static Field perNode(std::string name, FieldType type, int64_t rows, int64_t width,
                         std::vector<double> values, Storage storage = Storage::Float32);

    int64_t rows() const { return shape.size() >= 2 ? shape[shape.size() - 2] : 1; }
    int64_t width() const { return shape.empty() ? 0 : shape.back(); }
    double at(int64_t row, int64_t col) const { return values[row * width() + col]; }
};

} // namespace equiscope
