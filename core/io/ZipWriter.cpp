#include "io/ZipWriter.h"

#include "util/Error.h"

#include <array>
#include <cstdint>

namespace equiscope {

namespace {

uint32_t crc32(const std::string& bytes) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(std::ostream& out, uint32_t v) {
    const char b[2] = {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)};
    out.write(b, 2);
}

void put32(std::ostream& out, uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

} // namespace

void writeStoredZip(std::ostream& out,
                    const std::vector<std::pair<std::string, std::string>>& members) {
    struct Entry {
        uint32_t crc, size, offset;
    };
    std::vector<Entry> entries;
    uint64_t offset = 0;
    for (const auto& [name, bytes] : members) {
        if (bytes.size() >= 0xFFFFFFFFull || offset >= 0xFFFFFFFFull)
            throw Error("zip member " + name + ": 4 GiB and more need zip64, not written");
        const Entry e{crc32(bytes), static_cast<uint32_t>(bytes.size()),
                      static_cast<uint32_t>(offset)};
        put32(out, 0x04034b50);
        put16(out, 20);   // version needed
        put16(out, 0);    // flags
        put16(out, 0);    // stored
        put16(out, 0);    // time
        put16(out, 0x21); // date 1980-01-01
        put32(out, e.crc);
        put32(out, e.size);
        put32(out, e.size);
        put16(out, static_cast<uint32_t>(name.size()));
        put16(out, 0);
        out.write(name.data(), static_cast<std::streamsize>(name.size()));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        offset += 30 + name.size() + bytes.size();
        entries.push_back(e);
    }
    const uint64_t directory = offset;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::string& name = members[i].first;
        put32(out, 0x02014b50);
        put16(out, 20); // made by
        put16(out, 20); // needed
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0x21);
        put32(out, entries[i].crc);
        put32(out, entries[i].size);
        put32(out, entries[i].size);
        put16(out, static_cast<uint32_t>(name.size()));
        put16(out, 0); // extra
        put16(out, 0); // comment
        put16(out, 0); // disk
        put16(out, 0); // internal attributes
        put32(out, 0); // external attributes
        put32(out, entries[i].offset);
        out.write(name.data(), static_cast<std::streamsize>(name.size()));
        offset += 46 + name.size();
    }
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<uint32_t>(members.size()));
    put16(out, static_cast<uint32_t>(members.size()));
    put32(out, static_cast<uint32_t>(offset - directory));
    put32(out, static_cast<uint32_t>(directory));
    put16(out, 0);
}

} // namespace equiscope
