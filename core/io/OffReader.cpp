// OFF, COFF, NOFF, CNOFF (Geomview), including "OFF nv nf ne" on one line and the glued
// "OFF<nv> nf ne" seen in ModelNet.

#include "io/BuiltinReaders.h"
#include "io/ColumnLayout.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/MappedFile.h"
#include "util/ReadBudget.h"

#include <cctype>
#include <string>
#include <vector>

namespace equiscope {

namespace {

struct OffMagic {
    bool colors = false, normals = false, texcoords = false;
    std::string_view rest; // what follows "OFF" in the same token
};

// Parses "[ST][C][N]OFF..." ; false when the token is no OFF magic.
bool parseMagic(std::string_view token, OffMagic& magic) {
    const auto at = token.find("OFF");
    if (at == std::string_view::npos) return false;
    std::string_view prefix = token.substr(0, at);
    if (prefix.substr(0, 2) == "ST") {
        magic.texcoords = true;
        prefix.remove_prefix(2);
    }
    for (char c : prefix) {
        if (c == 'C')
            magic.colors = true;
        else if (c == 'N')
            magic.normals = true;
        else
            return false; // 4OFF, nOFF: other dimensions
    }
    magic.rest = token.substr(at + 3);
    return true;
}

bool skipComment(std::string_view line) {
    for (char c : line) {
        if (c == '#') return true;
        if (!std::isspace(static_cast<unsigned char>(c))) return !hasFields(line);
    }
    return true; // blank
}

class OffReader : public FormatReader {
  public:
    std::string name() const override { return "OFF"; }
    std::vector<std::string> extensions() const override { return {".off"}; }
    int sniff(std::string_view head) const override {
        const auto end = head.find_first_of(" \t\r\n");
        OffMagic magic;
        return parseMagic(head.substr(0, end), magic) ? 2 : 0;
    }

    Dataset read(const std::string& path, const Progress& progress) const override {
        MappedFile file(path);
        TextScanner scan(file.data(), file.data() + file.size(), path, 0);
        std::string_view line;
        auto nextContentLine = [&]() {
            while (scan.nextLine(line))
                if (!skipComment(line)) return true;
            return false;
        };
        if (!nextContentLine()) scan.fail("the file has no OFF header");
        std::vector<std::string_view> words;
        splitFields(line, [&](std::string_view w) { words.push_back(w); });
        OffMagic magic;
        if (!parseMagic(words[0], magic))
            throw FormatError::atByte(path, 0,
                                      "expected the magic 'OFF' (or COFF, NOFF, CNOFF), got " +
                                          quoted(words[0]));
        if (words.size() > 1 && words[1] == "BINARY")
            scan.fail("binary OFF is not supported; save the mesh as ascii OFF or PLY");

        // Counts: on the magic line (glued or not) or on the next content line.
        std::vector<std::string_view> counts;
        if (!magic.rest.empty()) counts.push_back(magic.rest);
        for (std::size_t i = 1; i < words.size(); ++i) counts.push_back(words[i]);
        if (counts.empty()) {
            if (!nextContentLine()) scan.fail("expected the counts 'vertices faces edges'");
            splitFields(line, [&](std::string_view w) { counts.push_back(w); });
        }
        int64_t nv = 0, nf = 0;
        if (counts.size() < 2 || !parseInteger(counts[0], nv) || !parseInteger(counts[1], nf) ||
            nv < 0 || nf < 0)
            scan.fail("expected the counts 'vertices faces edges' as integers >= 0");
        // A vertex line needs at least 6 bytes ("0 0 0\n"), a face line 2 ("0\n"); the
        // last line may lack its newline.
        uint64_t left = scan.remaining() + 1;
        left -= requireFits(scan.here(), static_cast<uint64_t>(nv), 6, left,
                            std::to_string(nv) + " vertices");
        requireFits(scan.here(), static_cast<uint64_t>(nf), 2, left,
                    std::to_string(nf) + " faces after the vertices");

        std::vector<Column> columns = {{"x"}, {"y"}, {"z"}};
        if (magic.normals) columns.insert(columns.end(), {{"nx"}, {"ny"}, {"nz"}});
        if (magic.colors) columns.insert(columns.end(), {{"red"}, {"green"}, {"blue"}, {"alpha"}});
        if (magic.texcoords) columns.insert(columns.end(), {{"u"}, {"v"}});
        std::size_t colorColumns = magic.colors ? 4 : 0;
        ReadBudget::charge(path, static_cast<uint64_t>(nv), columns.size() * sizeof(double),
                           std::to_string(nv) + " vertices");

        std::vector<double> values;
        std::vector<std::string_view> tokens;
        for (int64_t r = 0; r < nv; ++r) {
            if ((r & 0xffff) == 0)
                progress.report(0.9 * r / std::max<int64_t>(nv, 1), "reading OFF");
            if (!nextContentLine())
                scan.fail("unexpected end of file after " + std::to_string(r) + " of " +
                          std::to_string(nv) + " vertices");
            tokens.clear();
            splitFields(line, [&](std::string_view w) { tokens.push_back(w); });
            const std::size_t fixed = 3 + (magic.normals ? 3 : 0) + (magic.texcoords ? 2 : 0);
            if (r == 0 && magic.colors) { // colours come as 3 or 4 values
                if (tokens.size() < fixed + 3)
                    scan.fail("expected x y z and a colour (3 or 4 values) on a COFF vertex line");
                colorColumns = std::min<std::size_t>(4, tokens.size() - fixed);
                if (colorColumns == 3)
                    columns.erase(columns.begin() + 3 + (magic.normals ? 3 : 0) + 3);
            }
            const std::size_t expected = fixed + colorColumns;
            if (tokens.size() < expected)
                scan.fail("expected " + std::to_string(expected) + " numbers on vertex line " +
                          std::to_string(r) + ", found " + std::to_string(tokens.size()));
            for (std::size_t k = 0; k < expected; ++k) {
                double v = 0;
                if (!parseDouble(tokens[k], v))
                    scan.fail("expected a number in vertex " + std::to_string(r) + ", got " +
                              quoted(tokens[k]));
                values.push_back(v);
            }
        }
        ColumnLayout layout = layoutColumns(columns, nv, path);
        const std::size_t width = columns.size();
        for (int64_t r = 0; r < nv; ++r)
            for (std::size_t c = 0; c < width; ++c) layout.set(c, r, values[r * width + c]);

        Sample sample;
        sample.faces.offsets.reserve(static_cast<std::size_t>(nf) + 1);
        for (int64_t f = 0; f < nf; ++f) {
            if ((f & 0xffff) == 0)
                progress.report(0.9 + 0.1 * f / std::max<int64_t>(nf, 1), "reading OFF");
            if (!nextContentLine())
                scan.fail("unexpected end of file after " + std::to_string(f) + " of " +
                          std::to_string(nf) + " faces");
            tokens.clear();
            splitFields(line, [&](std::string_view w) { tokens.push_back(w); });
            int64_t k = 0;
            if (!parseInteger(tokens[0], k) || k < 0 ||
                static_cast<std::size_t>(k) + 1 > tokens.size())
                scan.fail("expected a vertex count followed by that many indices, got " +
                          quoted(line));
            for (int64_t i = 1; i <= k; ++i) {
                int64_t index = 0;
                if (!parseInteger(tokens[static_cast<std::size_t>(i)], index) || index < 0 ||
                    index >= nv)
                    scan.fail("face " + std::to_string(f) + ": expected a vertex index in [0, " +
                              std::to_string(nv) + "), got " +
                              quoted(tokens[static_cast<std::size_t>(i)]));
                sample.faces.indices.push_back(index);
            }
            sample.faces.offsets.push_back(static_cast<int64_t>(sample.faces.indices.size()));
        }
        layout.moveInto(sample);
        return Dataset::of(std::move(sample));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeOffReader() {
    return std::make_unique<OffReader>();
}

} // namespace equiscope
