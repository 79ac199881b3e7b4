#include "io/FormatRegistry.h"

#include "util/Error.h"
#include "util/ReadBudget.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <new>
#include <stdexcept>

namespace equiscope {

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext;
}

void FormatRegistry::add(std::unique_ptr<FormatReader> reader) {
    readers_.push_back(std::move(reader));
}

std::vector<const FormatReader*> FormatRegistry::readers() const {
    std::vector<const FormatReader*> out;
    for (const auto& r : readers_) out.push_back(r.get());
    return out;
}

const FormatReader& FormatRegistry::readerFor(const std::string& path) const {
    for (const auto& r : readers_)
        if (r->claimsPath(path)) return *r;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open (missing file or no permission)");
    std::string head(512, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.empty()) throw FormatError::inFile(path, "the file is empty");

    const std::string ext = lowerExtension(path);
    auto ownsExtension = [&](const FormatReader& r) {
        const auto exts = r.extensions();
        return std::find(exts.begin(), exts.end(), ext) != exts.end();
    };
    const FormatReader* best = nullptr;
    int bestScore = 0;
    for (const auto& r : readers_) {
        // Magic bytes first, then the extension, then mere plausibility.
        const int sniff = r->sniff(head);
        const int score = (sniff == 2 ? 4 : 0) + (ownsExtension(*r) ? 2 : 0) + (sniff == 1 ? 1 : 0);
        if (score > bestScore) {
            best = r.get();
            bestScore = score;
        }
    }
    if (!best) {
        std::string known;
        for (const auto& r : readers_)
            for (const auto& e : r->extensions()) known += (known.empty() ? "" : " ") + e;
        throw FormatError::inFile(path, "unrecognized format (known: " + known + ")");
    }
    return *best;
}

Dataset FormatRegistry::read(const std::string& path, const Progress& progress) const {
    const FormatReader& reader = readerFor(path);
    const ReadBudget::Scope budget;
    Dataset d;
    try {
        d = reader.read(path, progress);
    } catch (const std::bad_alloc&) { // a last line: readers charge the budget before allocating
        throw Error(path + ": out of memory while reading it as " + reader.name());
    } catch (const std::length_error&) {
        throw Error(path + ": a size in the file is too large to allocate");
    }
    d.source = path;
    d.format = reader.name();
    return d;
}

const FormatRegistry& FormatRegistry::builtin() {
    static const FormatRegistry registry = [] {
        FormatRegistry r;
        registerBuiltinReaders(r);
        return r;
    }();
    return registry;
}

} // namespace equiscope
