#pragma once
// NumPy's .npy layout: parsing from memory (for .npy files and .npz members) and writing.

#include "data/Sample.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace equiscope {

struct NpyArray {
    std::vector<int64_t> shape;
    std::vector<double> values; // C order, whatever the file's order was
    Storage storage = Storage::Float64;
};

// `where` names the file (and member) in errors; `baseOffset` is added to byte offsets.
NpyArray parseNpy(const char* data, std::size_t size, const std::string& where,
                  int64_t baseOffset = 0);

// Writes an array of any shape (C order) as '<f4' or '<f8'.
void writeNpy(std::ostream& out, const std::vector<double>& values,
              const std::vector<int64_t>& shape, bool float64);

// A whole .npy file; throws FormatError naming the file and the byte.
NpyArray readNpyFile(const std::string& path);

// Writes a .npy file through a temporary file and a rename.
void writeNpyFile(const std::string& path, const std::vector<double>& values,
                  const std::vector<int64_t>& shape, bool float64);

// A point sample from a 2-D array: columns 0-2 are x y z (2 columns: z = 0), the rest a
// scalar field "features".
Sample sampleFromMatrix(const NpyArray& array, const std::string& where);

} // namespace equiscope
