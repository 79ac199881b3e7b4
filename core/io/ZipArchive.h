#pragma once
// Reading the members of a zip archive held in memory (the container of .npz files).

#include <cstdint>
#include <string>
#include <vector>

namespace equiscope {

struct ZipMember {
    std::string name;
    uint16_t method = 0; // 0 stored, 8 deflate
    uint64_t compressedSize = 0, uncompressedSize = 0;
    uint64_t dataOffset = 0; // of the member's bytes in the archive
};

// Lists the members from the central directory; throws FormatError on a corrupt archive.
std::vector<ZipMember> listZipMembers(const char* data, std::size_t size, const std::string& path);

// The member's uncompressed bytes; deflate needs zlib at build time.
std::vector<char> extractZipMember(const char* data, std::size_t size, const ZipMember& member,
                                   const std::string& path);

} // namespace equiscope
