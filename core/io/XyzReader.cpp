// Plain XYZ point clouds: "x y z [extra ...]" per line, separated by blanks, tabs, commas
// or semicolons; '#' and '//' comment lines; an optional comment header naming columns.

#include "io/BuiltinReaders.h"
#include "io/ColumnLayout.h"
#include "io/TextScanner.h"
#include "util/Error.h"
#include "util/MappedFile.h"

#include <cmath>
#include <string>
#include <vector>

namespace equiscope {

namespace {

bool isComment(std::string_view line, std::string_view& body) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    line.remove_prefix(i);
    if (line.empty()) {
        body = {};
        return true;
    }
    if (line[0] == '#') {
        body = line.substr(1);
        return true;
    }
    if (line.substr(0, 2) == "//") {
        body = line.substr(2);
        return true;
    }
    return false;
}

// Names for columns 4.. when no header names them: a normal when three values have unit
// length, colour when all values are integers in [0, 255], else col4, col5, ...
std::vector<Column> guessColumns(std::size_t width, const std::vector<double>& values) {
    std::vector<Column> columns = {
        {"x", Storage::Float64}, {"y", Storage::Float64}, {"z", Storage::Float64}};
    const std::size_t extra = width - 3;
    const std::size_t rows = values.size() / width;
    bool colorLike = extra == 3 || extra == 4, unitLike = extra == 3;
    for (std::size_t r = 0; r < rows && (colorLike || unitLike); ++r) {
        double norm2 = 0;
        for (std::size_t k = 3; k < width; ++k) {
            const double v = values[r * width + k];
            if (!(v >= 0 && v <= 255 && v == std::floor(v))) colorLike = false;
            norm2 += v * v;
        }
        if (std::abs(norm2 - 1.0) > 1e-2) unitLike = false;
    }
    if (unitLike && rows > 0) {
        for (const char* n : {"nx", "ny", "nz"}) columns.push_back({n, Storage::Float32});
    } else if (colorLike && rows > 0) {
        for (const char* n : {"red", "green", "blue", "alpha"})
            if (columns.size() < width) columns.push_back({n, Storage::Integer});
    } else {
        for (std::size_t k = 3; k < width; ++k)
            columns.push_back({"col" + std::to_string(k + 1), Storage::Float64});
    }
    return columns;
}

class XyzReader : public FormatReader {
  public:
    std::string name() const override { return "XYZ"; }
    std::vector<std::string> extensions() const override {
        return {".xyz", ".txt", ".pts", ".csv"};
    }
    int sniff(std::string_view head) const override {
        // Plausible when the first content line holds at least three numbers.
        TextScanner scan(head.data(), head.data() + head.size(), "");
        std::string_view line, body;
        while (scan.nextLine(line)) {
            if (isComment(line, body)) continue;
            int numbers = 0;
            bool ok = true;
            splitFields(line, [&](std::string_view w) {
                double v;
                if (parseDouble(w, v))
                    ++numbers;
                else
                    ok = false;
            });
            return ok && numbers >= 3 && scan.remaining() > 0 ? 1 : 0;
        }
        return 0;
    }

    Dataset read(const std::string& path, const Progress& progress) const override {
        MappedFile file(path);
        TextScanner scan(file.data(), file.data() + file.size(), path, 0);
        std::string_view line, body, headerLine;
        std::size_t width = 0;
        std::vector<double> values;
        std::vector<std::string_view> tokens;
        std::size_t rows = 0;
        while (scan.nextLine(line)) {
            if (isComment(line, body)) {
                if (width == 0 && !body.empty()) headerLine = body;
                continue;
            }
            tokens.clear();
            splitFields(line, [&](std::string_view w) { tokens.push_back(w); });
            if (width == 0) {
                if (tokens.size() < 3)
                    scan.fail("expected at least three numbers (x y z), found " +
                              std::to_string(tokens.size()) + " fields");
                width = tokens.size();
            } else if (tokens.size() != width) {
                scan.fail("expected " + std::to_string(width) +
                          " numbers like the first data line, found " +
                          std::to_string(tokens.size()));
            }
            for (std::string_view t : tokens) {
                double v = 0;
                if (!parseDouble(t, v)) scan.fail("expected a number, got " + quoted(t));
                values.push_back(v);
            }
            if ((++rows & 0xffff) == 0)
                progress.report(static_cast<double>(scan.position() - file.data()) / file.size(),
                                "reading XYZ");
        }
        if (width == 0)
            throw FormatError::inFile(path, "no data lines (expected 'x y z' per line)");

        std::vector<Column> columns;
        std::vector<std::string_view> names;
        splitFields(headerLine, [&](std::string_view w) { names.push_back(w); });
        auto namesXyz = [&] {
            int found = 0;
            for (std::string_view n : names)
                if (n.size() == 1 && (n[0] | 0x20) >= 'x' && (n[0] | 0x20) <= 'z') ++found;
            return found == 3;
        };
        if (names.size() == width && namesXyz()) {
            for (std::string_view n : names) columns.push_back({std::string(n), Storage::Float64});
        } else {
            columns = guessColumns(width, values);
        }
        const int64_t n = static_cast<int64_t>(rows);
        ColumnLayout layout = layoutColumns(columns, n, path);
        for (int64_t r = 0; r < n; ++r)
            for (std::size_t c = 0; c < width; ++c) layout.set(c, r, values[r * width + c]);
        Sample sample;
        layout.moveInto(sample);
        return Dataset::of(std::move(sample));
    }
};

} // namespace

std::unique_ptr<FormatReader> makeXyzReader() {
    return std::make_unique<XyzReader>();
}

} // namespace equiscope
