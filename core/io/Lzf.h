#pragma once
// LZF decompression (the codec of PCD's binary_compressed data).

#include <cstddef>
#include <cstdint>

namespace equiscope {

// Decompresses `in` into exactly `outSize` bytes of `out`. Returns false when the stream
// is corrupt, overruns `out`, or does not fill it.
bool lzfDecompress(const uint8_t* in, std::size_t inSize, uint8_t* out, std::size_t outSize);

} // namespace equiscope
