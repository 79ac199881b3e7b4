#include "io/ZipArchive.h"

#include "io/BinaryValues.h"
#include "util/CheckedMath.h"
#include "util/Error.h"
#include "util/ReadBudget.h"

#ifdef EQUISCOPE_HAVE_ZLIB
#include <zlib.h>
#endif

namespace equiscope {

namespace {
uint16_t u16(const char* p) {
    return loadValue<uint16_t>(p, false);
}
uint32_t u32(const char* p) {
    return loadValue<uint32_t>(p, false);
}
uint64_t u64(const char* p) {
    return loadValue<uint64_t>(p, false);
}
constexpr uint32_t kEndOfDirectory = 0x06054b50, kDirectoryEntry = 0x02014b50,
                   kLocalHeader = 0x04034b50;
} // namespace

std::vector<ZipMember> listZipMembers(const char* data, std::size_t size, const std::string& path) {
    if (size < 22) throw FormatError::inFile(path, "too short for a zip archive");
    std::size_t eocd = std::string::npos;
    const std::size_t lowest = size > 22 + 65535 ? size - 22 - 65535 : 0;
    for (std::size_t at = size - 22 + 1; at-- > lowest;)
        if (u32(data + at) == kEndOfDirectory) {
            eocd = at;
            break;
        }
    if (eocd == std::string::npos)
        throw FormatError::inFile(path, "no zip end-of-directory record (truncated archive?)");
    const uint16_t entries = u16(data + eocd + 10);
    uint64_t at = u32(data + eocd + 16);
    std::vector<ZipMember> members;
    for (uint16_t i = 0; i < entries; ++i) {
        if (at + 46 > size || u32(data + at) != kDirectoryEntry)
            throw FormatError::atByte(path, static_cast<int64_t>(at),
                                      "expected a zip central-directory entry");
        ZipMember m;
        m.method = u16(data + at + 10);
        m.compressedSize = u32(data + at + 20);
        m.uncompressedSize = u32(data + at + 24);
        const uint16_t nameLen = u16(data + at + 28), extraLen = u16(data + at + 30),
                       commentLen = u16(data + at + 32);
        uint64_t local = u32(data + at + 42);
        if (at + 46 + nameLen + extraLen > size)
            throw FormatError::atByte(path, static_cast<int64_t>(at),
                                      "zip entry runs past the end");
        m.name.assign(data + at + 46, nameLen);
        // Zip64: 0xFFFFFFFF sizes and offsets live in the extra field 0x0001, in this order.
        // Each extra block must lie inside the extra field.
        const char* extra = data + at + 46 + nameLen;
        for (std::size_t e = 0; e + 4 <= extraLen;) {
            const std::size_t id = u16(extra + e), len = u16(extra + e + 2);
            if (e + 4 + len > extraLen)
                throw FormatError::atByte(path, static_cast<int64_t>(at + 46 + nameLen + e),
                                          "zip extra block of " + std::to_string(len) +
                                              " bytes runs past its entry's extra field");
            if (id == 1) {
                std::size_t q = e + 4;
                auto next64 = [&](uint64_t& value) {
                    if (value == 0xffffffffu && q + 8 <= e + 4 + len) {
                        value = u64(extra + q);
                        q += 8;
                    }
                };
                next64(m.uncompressedSize);
                next64(m.compressedSize);
                next64(local);
            }
            e += 4 + len;
        }
        const auto localEnd = checkedAdd(local, 30);
        if (!localEnd || *localEnd > size || u32(data + local) != kLocalHeader)
            throw FormatError::atByte(path, static_cast<int64_t>(local),
                                      "expected a zip local header for " + m.name);
        m.dataOffset = local + 30 + u16(data + local + 26) + u16(data + local + 28);
        if (m.dataOffset > size || m.compressedSize > size - m.dataOffset)
            throw FormatError::atByte(path, static_cast<int64_t>(local),
                                      "member " + m.name + " runs past the end of the archive");
        members.push_back(m);
        at += 46 + nameLen + extraLen + commentLen;
    }
    return members;
}

std::vector<char> extractZipMember(const char* data, std::size_t size, const ZipMember& m,
                                   const std::string& path) {
    (void)size;
    const char* in = data + m.dataOffset;
    if (m.method == 0) {
        if (m.uncompressedSize != m.compressedSize)
            throw FormatError::atByte(path, static_cast<int64_t>(m.dataOffset),
                                      "stored member " + m.name + " has inconsistent sizes");
        return std::vector<char>(in, in + m.compressedSize);
    }
    if (m.method != 8)
        throw FormatError::atByte(path, static_cast<int64_t>(m.dataOffset),
                                  "member " + m.name + " uses zip method " +
                                      std::to_string(m.method) + "; expected stored or deflate");
#ifdef EQUISCOPE_HAVE_ZLIB
    // Deflate expands at most 1032:1; a larger claim is corrupt, not a reason to allocate.
    if (m.uncompressedSize > m.compressedSize * 1032 + 1024)
        throw FormatError::atByte(path, static_cast<int64_t>(m.dataOffset),
                                  "member " + m.name + " claims an impossible size");
    if (m.compressedSize > UINT32_MAX || m.uncompressedSize > UINT32_MAX)
        throw FormatError::atByte(path, static_cast<int64_t>(m.dataOffset),
                                  "member " + m.name + " is larger than 4 GB");
    ReadBudget::charge(path, m.uncompressedSize, 1, "member " + m.name + " decompressed");
    std::vector<char> out(m.uncompressedSize);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw Error(path + ": zlib initialisation failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
    z.avail_in = static_cast<uInt>(m.compressedSize);
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_FINISH);
    const auto produced = z.total_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END || produced != m.uncompressedSize)
        throw FormatError::atByte(path, static_cast<int64_t>(m.dataOffset),
                                  "corrupt deflate data in member " + m.name);
    return out;
#else
    throw FormatError::inFile(
        path, "member " + m.name +
                  " is deflate-compressed and this build has no zlib; save with numpy.savez");
#endif
}

} // namespace equiscope
