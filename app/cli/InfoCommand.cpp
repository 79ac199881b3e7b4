// equiscope-cli info FILE [--json]: kind, counts, fields, bounds and centroid (of a model
// file: ModelInfo.cpp).

#include "Commands.h"
#include "data/Summary.h"
#include "io/LoadDataset.h"
#include "util/Error.h"

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace equiscope::cli {

namespace {

nlohmann::json toJson(const DatasetSummary& s) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : s.fields)
        fields.push_back(
            {{"name", f.name}, {"type", std::string(fieldTypeName(f.type))}, {"width", f.width}});
    auto vec = [](const std::array<double, 3>& v) {
        return nlohmann::json::array({v[0], v[1], v[2]});
    };
    nlohmann::json species = nlohmann::json::object(), labels = nlohmann::json::object();
    for (const auto& [name, count] : s.species) species[name] = count;
    for (const auto& [field, counts] : s.labelCounts) labels[field] = counts;
    return {{"kind", std::string(sampleKindName(s.kind))},
            {"nodes", s.nodes},
            {"faces", s.faces},
            {"edges", s.edges},
            {"frames", s.frames},
            {"graphs", s.graphs},
            {"fields", fields},
            {"bbox", s.hasBounds ? nlohmann::json{{"min", vec(s.bboxMin)}, {"max", vec(s.bboxMax)}}
                                 : nlohmann::json(nullptr)},
            {"centroid", s.hasBounds ? vec(s.centroid) : nlohmann::json(nullptr)},
            {"nodes_per_frame",
             s.nodesPerFrame >= 0 ? nlohmann::json(s.nodesPerFrame) : nlohmann::json(nullptr)},
            {"species", species},
            {"labels", labels}};
}

void printText(const std::string& source, const std::string& format, const DatasetSummary& s) {
    std::cout << source << " (" << format << ")\n"
              << "  kind      " << sampleKindName(s.kind) << "\n"
              << "  nodes     " << s.nodes << "\n"
              << "  faces     " << s.faces << "\n"
              << "  edges     " << s.edges << "\n"
              << "  frames    " << s.frames << "\n"
              << "  graphs    " << s.graphs << "\n";
    if (s.frames > 1 && s.nodesPerFrame >= 0)
        std::cout << "  per frame " << s.nodesPerFrame << " nodes\n";
    if (!s.species.empty()) {
        std::cout << "  species  ";
        for (const auto& [name, count] : s.species) std::cout << " " << name << " " << count;
        std::cout << "\n";
    }
    for (const auto& [field, counts] : s.labelCounts) {
        std::cout << "  labels    " << field << ":";
        for (const auto& [label, count] : counts) std::cout << " " << label << "×" << count;
        std::cout << "\n";
    }
    std::cout << "  fields\n";
    for (const auto& f : s.fields)
        std::cout << "    " << std::left << std::setw(14) << f.name << std::setw(13)
                  << fieldTypeName(f.type) << "width " << f.width << "\n";
    if (!s.hasBounds) {
        std::cout << "  bbox      none (no finite coordinates)\n";
        return;
    }
    std::cout << std::setprecision(9) << "  bbox min  " << s.bboxMin[0] << " " << s.bboxMin[1]
              << " " << s.bboxMin[2] << "\n  bbox max  " << s.bboxMax[0] << " " << s.bboxMax[1]
              << " " << s.bboxMax[2] << "\n  centroid  " << s.centroid[0] << " " << s.centroid[1]
              << " " << s.centroid[2] << "\n";
}

} // namespace

int runInfo(const std::vector<std::string>& args) {
    std::string file;
    bool json = false;
    for (const auto& a : args) {
        if (a == "--json")
            json = true;
        else if (!a.empty() && a[0] == '-') {
            std::cerr << "equiscope-cli info: unknown option " << a << "\n";
            return kExitBadInput;
        } else if (file.empty())
            file = a;
        else {
            std::cerr << "equiscope-cli info: more than one file given\n";
            return kExitBadInput;
        }
    }
    if (file.empty()) {
        std::cerr << "usage: equiscope-cli info FILE|demo [--json]\n";
        return kExitBadInput;
    }
    if (isModelFile(file)) return guarded("info", [&] { return describeModel(file, json); });
    try {
        const Dataset d = loadDataset(file);
        const DatasetSummary s = summarize(d);
        if (s.nonFinitePositions > 0)
            std::cerr
                << "warning: " << file << ": " << s.nonFinitePositions
                << " points have NaN or Inf coordinates (kept; left out of bbox and centroid)\n";
        if (json)
            std::cout << std::setprecision(17) << toJson(s).dump() << "\n";
        else
            printText(d.source, d.format, s);
        return kExitOk;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kExitBadInput;
    }
}

} // namespace equiscope::cli

namespace equiscope::cli {

int guarded(const char* command, const std::function<int()>& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        // One line: LibTorch's own exceptions carry their C++ backtrace after the message.
        const std::string message = e.what();
        std::cerr << "equiscope-cli " << command << ": " << message.substr(0, message.find('\n'))
                  << "\n";
        return kExitBadInput;
    }
}

} // namespace equiscope::cli
