#include "scan/ScanUnits.h"

#include "io/FormatRegistry.h"
#include "io/LoadDataset.h"
#include "scene/DisplaySample.h"
#include "util/Error.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace equiscope {

namespace fs = std::filesystem;

namespace {

bool claimedByReader(const std::string& path) {
    for (const FormatReader* r : FormatRegistry::builtin().readers())
        if (r->claimsPath(path)) return true;
    return false;
}

std::set<std::string> readableExtensions() {
    std::set<std::string> out;
    for (const FormatReader* r : FormatRegistry::builtin().readers())
        for (const std::string& e : r->extensions()) out.insert(e);
    return out;
}

bool hidden(const fs::path& p) {
    const std::string n = p.filename().string();
    return !n.empty() && n[0] == '.';
}

} // namespace

std::vector<std::pair<int64_t, int64_t>> scanIndex(const Dataset& dataset) {
    std::vector<std::pair<int64_t, int64_t>> index;
    for (std::size_t s = 0; s < dataset.samples.size(); ++s) {
        const Sample& sample = dataset.samples[s];
        const int64_t frames = sample.kind == SampleKind::Trajectory ? sample.frameCount() : 1;
        for (int64_t f = 0; f < frames; ++f) index.emplace_back(static_cast<int64_t>(s), f);
    }
    return index;
}

bool scansDirectory(const std::string& data) {
    std::error_code ec;
    return fs::is_directory(data, ec) && !claimedByReader(data);
}

ScanUnits ScanUnits::open(const std::string& data, const Progress& progress) {
    ScanUnits u;
    if (!scansDirectory(data)) return ofDataset(loadDataset(data, progress));
    std::error_code ec;
    u.root_ = data;
    const std::set<std::string> extensions = readableExtensions();
    fs::recursive_directory_iterator it(data, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw Error(data + ": cannot list the directory (" + ec.message() + ")");
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) throw Error(data + ": cannot list the directory (" + ec.message() + ")");
        const fs::path& p = it->path();
        const std::string relative = fs::relative(p, data).generic_string();
        if (hidden(p) || (it->is_directory() && claimedByReader(p.string()))) {
            if (!hidden(p)) u.skipped_.push_back(relative);
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && extensions.count(lowerExtension(p.string())))
            u.files_.push_back(relative);
    }
    std::sort(u.files_.begin(), u.files_.end());
    std::sort(u.skipped_.begin(), u.skipped_.end());
    return u;
}

ScanUnits ScanUnits::ofDataset(Dataset dataset) {
    ScanUnits u;
    u.dataset_ = std::move(dataset);
    u.index_ = scanIndex(u.dataset_);
    return u;
}

int64_t ScanUnits::size() const {
    return static_cast<int64_t>(isDirectory() ? files_.size() : index_.size());
}

std::string ScanUnits::name(int64_t unit) const {
    if (isDirectory()) return files_.at(static_cast<std::size_t>(unit));
    const auto [s, f] = index_.at(static_cast<std::size_t>(unit));
    const Sample& sample = dataset_.samples[static_cast<std::size_t>(s)];
    const bool several = dataset_.samples.size() > 1;
    if (sample.kind == SampleKind::Trajectory)
        return several ? "sim " + std::to_string(s) + " frame " + std::to_string(f)
                       : "frame " + std::to_string(f);
    return (sample.kind == SampleKind::Graph ? "graph " : "sample ") + std::to_string(s);
}

Sample ScanUnits::load(int64_t unit) const {
    if (isDirectory()) {
        const std::string path =
            (fs::path(root_) / files_.at(static_cast<std::size_t>(unit))).string();
        const Dataset d = loadDataset(path);
        if (d.samples.empty()) throw Error(path + ": holds no sample");
        return displaySample(d.samples.front(), 0);
    }
    const auto [s, f] = index_.at(static_cast<std::size_t>(unit));
    return displaySample(dataset_.samples[static_cast<std::size_t>(s)], f);
}

} // namespace equiscope
