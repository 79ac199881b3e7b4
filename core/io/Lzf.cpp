#include "io/Lzf.h"

namespace equiscope {

// Each control byte is either a literal run (< 32: copy ctrl + 1 bytes) or a
// back-reference: length in the top 3 bits (7 = read one more length byte) plus 2,
// distance from the low 5 bits and the next byte, plus 1.
bool lzfDecompress(const uint8_t* in, std::size_t inSize, uint8_t* out, std::size_t outSize) {
    std::size_t ip = 0, op = 0;
    while (ip < inSize) {
        const unsigned ctrl = in[ip++];
        if (ctrl < 32) {
            const std::size_t len = ctrl + 1;
            if (ip + len > inSize || op + len > outSize) return false;
            for (std::size_t k = 0; k < len; ++k) out[op++] = in[ip++];
            continue;
        }
        std::size_t len = ctrl >> 5;
        if (len == 7) {
            if (ip >= inSize) return false;
            len += in[ip++];
        }
        if (ip >= inSize) return false;
        const std::size_t distance = ((ctrl & 0x1f) << 8) + in[ip++] + 1;
        len += 2;
        if (distance > op || op + len > outSize) return false;
        for (std::size_t k = 0; k < len; ++k, ++op) out[op] = out[op - distance];
    }
    return op == outSize;
}

} // namespace equiscope
