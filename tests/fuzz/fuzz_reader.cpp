// libFuzzer harness for one reader, chosen at build time by EQUISCOPE_FUZZ_FORMAT (ply, off,
// pcd, npy, npz, xyz, extxyz, bvh, tu, edgelist, graphml). Each input is written to a file
// and read as `equiscope-cli info` reads it: the reader, the part labels, the summary. A
// clean equiscope::Error is a pass; any other exception, a signal, a sanitizer report, a
// hang (-timeout) or an allocation over -malloc_limit_mb is a finding.
//
// TU datasets are several files: the input is cut at lines "%%" into DS_graph_indicator.txt,
// DS_A.txt, DS_graph_labels.txt, DS_node_labels.txt, DS_node_attributes.txt and
// DS_edge_labels.txt, in this order (missing tails are absent files).

#include "data/Summary.h"
#include "io/BuiltinReaders.h"
#include "io/LoadDataset.h"
#include "util/Error.h"
#include "util/ReadBudget.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

using namespace equiscope;

namespace {

struct Target {
    const char* format;
    const char* file; // the name written (the reader is fixed; the name only looks usual)
    std::unique_ptr<FormatReader> (*make)();
};

const Target kTargets[] = {
    {"ply", "in.ply", makePlyReader},
    {"off", "in.off", makeOffReader},
    {"pcd", "in.pcd", makePcdReader},
    {"npy", "in.npy", makeNpyReader},
    {"npz", "in.npz", makeNpzReader},
    {"xyz", "in.xyz", makeXyzReader},
    {"extxyz", "in.extxyz", makeExtXyzReader},
    {"bvh", "in.bvh", makeBvhReader},
    {"tu", "DS_A.txt", makeTuReader},
    {"edgelist", "in.edgelist", makeEdgeListReader},
    {"graphml", "in.graphml", makeGraphMlReader},
};

const Target& target() {
    static const Target* t = [] {
        for (const Target& candidate : kTargets)
            if (std::string_view(candidate.format) == EQUISCOPE_FUZZ_FORMAT) return &candidate;
        std::abort();
    }();
    return *t;
}

std::string gDir;

void writeFile(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The TU dataset's files from one input; returns the path to open.
std::string writeTu(std::string_view input) {
    static const char* const kOrder[] = {"_graph_indicator.txt", "_A.txt",
                                         "_graph_labels.txt",    "_node_labels.txt",
                                         "_node_attributes.txt", "_edge_labels.txt"};
    const std::string prefix = gDir + "/DS";
    for (const char* suffix : kOrder) ::unlink((prefix + suffix).c_str());
    std::size_t k = 0;
    while (k < 6) {
        const std::size_t cut = input.find("\n%%\n");
        writeFile(prefix + kOrder[k++], input.substr(0, cut));
        if (cut == std::string_view::npos) break;
        input.remove_prefix(cut + 4);
    }
    if (k < 2) writeFile(prefix + "_A.txt", ""); // the dataset needs both to be one
    return prefix + "_A.txt";
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    char pattern[] = "/tmp/equiscope-fuzz-XXXXXX";
    if (!::mkdtemp(pattern)) std::abort();
    gDir = pattern;
    // Below libFuzzer's -malloc_limit_mb (scripts/fuzz.sh), so that an allocation the
    // budget does not see is a finding, and one it refuses is a clean error.
    ReadBudget::setLimit(uint64_t{256} << 20);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const Target& t = target();
    std::string path;
    if (std::string_view(t.format) == "tu") {
        path = writeTu(input);
    } else {
        path = gDir + "/" + t.file;
        writeFile(path, input);
    }
    static const std::unique_ptr<FormatReader> reader = t.make();
    try {
        const ReadBudget::Scope budget;
        Dataset d = reader->read(path, {});
        for (Sample& s : d.samples) adoptPartLabels(s, path);
        (void)summarize(d);
    } catch (const Error&) {
        // the clean outcome for a bad file
    }
    return 0;
}
