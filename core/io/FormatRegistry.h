#pragma once
// Readers and writers by format, chosen by sniffing a file's first bytes and by its
// extension.

#include "data/Sample.h"
#include "util/Progress.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace equiscope {

class FormatReader {
  public:
    virtual ~FormatReader() = default;
    virtual std::string name() const = 0;
    virtual std::vector<std::string> extensions() const = 0; // lower case, with the dot
    // 2: the magic bytes match; 1: the bytes are plausible for this format; 0: no.
    virtual int sniff(std::string_view head) const = 0;
    // True when the path alone says the format (a TU dataset's directory or its files);
    // asked before any sniffing.
    virtual bool claimsPath(const std::string& /*path*/) const { return false; }
    virtual Dataset read(const std::string& path, const Progress& progress) const = 0;
};

class FormatRegistry {
  public:
    void add(std::unique_ptr<FormatReader> reader);
    // The reader whose magic matches; among equal matches the one owning the extension;
    // then the extension alone. Throws Error naming the file when none fits.
    const FormatReader& readerFor(const std::string& path) const;
    Dataset read(const std::string& path, const Progress& progress = {}) const;
    std::vector<const FormatReader*> readers() const;

    // All built-in readers, registered once.
    static const FormatRegistry& builtin();

  private:
    std::vector<std::unique_ptr<FormatReader>> readers_;
};

// The built-in readers: point clouds (PLY, OFF, XYZ, PCD, NPY, NPZ), trajectories (extXYZ,
// BVH, NPY), graphs (TU, edge lists, GraphML).
void registerBuiltinReaders(FormatRegistry& registry);

std::string lowerExtension(const std::string& path); // ".ply", or "" when none

} // namespace equiscope
