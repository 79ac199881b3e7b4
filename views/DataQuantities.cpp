#include "DataQuantities.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace equiscope::views {

namespace {

const char* kAxis[] = {"x", "y", "z"};
// Labels that say what the data is about (a molecule's atoms, a graph's nodes, a
// skeleton's body segments), in the order they win as the default.
const char* kMeaningfulLabels[] = {"species", "node_label", "segment"};

// Lower ranks make better defaults.
constexpr int kVarying = 10, kOthers = 20, kConstant = 30;

int labelRank(const std::string& name) {
    for (std::size_t i = 0; i < std::size(kMeaningfulLabels); ++i)
        if (name == kMeaningfulLabels[i]) return static_cast<int>(i);
    return kOthers;
}

bool constantOverNodes(const Field& f) {
    const auto [lo, hi] = std::minmax_element(f.values.begin(), f.values.end());
    return lo == f.values.end() || *lo == *hi;
}

ColorQuantity column(const std::shared_ptr<const Sample>& sample, const Field& f, int component) {
    ColorQuantity q;
    q.kind = ColorQuantity::Kind::Scalar;
    const QString name = QString::fromStdString(f.name);
    q.name = component < 0
                 ? name
                 : QStringLiteral("%1.%2").arg(name, component < 3 ? kAxis[component]
                                                                   : QString::number(component));
    q.lazyValues = [sample, field = f.name, k = std::max(0, component)] {
        const Field* g = sample->find(field);
        std::vector<double> out(static_cast<std::size_t>(g->rows()));
        for (int64_t r = 0; r < g->rows(); ++r) out[static_cast<std::size_t>(r)] = g->at(r, k);
        return out;
    };
    return q;
}

ColorQuantity magnitude(const std::shared_ptr<const Sample>& sample, const Field& f) {
    ColorQuantity q;
    q.name = QStringLiteral("|%1|").arg(QString::fromStdString(f.name));
    q.lazyValues = [sample, field = f.name] {
        const Field* g = sample->find(field);
        std::vector<double> out(static_cast<std::size_t>(g->rows()));
        for (int64_t r = 0; r < g->rows(); ++r) {
            double s = 0;
            for (int64_t k = 0; k < g->width(); ++k) s += g->at(r, k) * g->at(r, k);
            out[static_cast<std::size_t>(r)] = std::sqrt(s);
        }
        return out;
    };
    return q;
}

ColorQuantity categorical(const Field& f) {
    ColorQuantity q;
    q.kind = ColorQuantity::Kind::Categorical;
    q.name = QString::fromStdString(f.name);
    q.values = f.values;
    q.categories = f.categories;
    if (f.name == "species" || f.name == "Z")
        for (const std::string& symbol : f.categories) q.palette.push_back(elementColor(symbol));
    return q;
}

ColorQuantity rgb(const Field& f) {
    ColorQuantity q;
    q.kind = ColorQuantity::Kind::Rgb;
    q.name = QStringLiteral("%1 (RGB)").arg(QString::fromStdString(f.name));
    q.values.reserve(static_cast<std::size_t>(f.rows() * 3));
    for (int64_t r = 0; r < f.rows(); ++r)
        for (int k = 0; k < 3; ++k) q.values.push_back(std::clamp(f.at(r, k), 0.0, 255.0));
    return q;
}

} // namespace

std::array<double, 3> elementColor(const std::string& symbol) {
    static const std::map<std::string, unsigned> kJmol = {
        {"H", 0xFFFFFF},  {"He", 0xD9FFFF}, {"Li", 0xCC80FF}, {"B", 0xFFB5B5},  {"C", 0x909090},
        {"N", 0x3050F8},  {"O", 0xFF0D0D},  {"F", 0x90E050},  {"Na", 0xAB5CF2}, {"Mg", 0x8AFF00},
        {"Al", 0xBFA6A6}, {"Si", 0xF0C8A0}, {"P", 0xFF8000},  {"S", 0xFFFF30},  {"Cl", 0x1FF01F},
        {"K", 0x8F40D4},  {"Ca", 0x3DFF00}, {"Fe", 0xE06633}, {"Cu", 0xC88033}, {"Zn", 0x7D80B0},
        {"Ge", 0x668F8F}, {"Br", 0xA62929}, {"Sb", 0x9E63B5}, {"Te", 0xD47A00}, {"I", 0x940094}};
    const auto it = kJmol.find(symbol);
    const unsigned c = it == kJmol.end() ? 0xFF1493u : it->second;
    return {((c >> 16) & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0, (c & 0xFF) / 255.0};
}

double elementRadius(const std::string& symbol) {
    static const std::map<std::string, double> kBondi = {
        {"H", 1.20},  {"He", 1.40}, {"Li", 1.82}, {"B", 1.92},  {"C", 1.70},  {"N", 1.55},
        {"O", 1.52},  {"F", 1.47},  {"Na", 2.27}, {"Mg", 1.73}, {"Al", 1.84}, {"Si", 2.10},
        {"P", 1.80},  {"S", 1.80},  {"Cl", 1.75}, {"K", 2.75},  {"Ca", 2.31}, {"Cu", 1.40},
        {"Zn", 1.39}, {"Ge", 2.11}, {"Br", 1.85}, {"Te", 2.06}, {"I", 1.98}};
    const auto it = kBondi.find(symbol);
    return it == kBondi.end() ? 1.7 : it->second;
}

std::vector<ColorQuantity> dataQuantities(std::shared_ptr<const Sample> sample) {
    std::vector<std::pair<int, ColorQuantity>> ranked;
    for (const Field& f : sample->fields) {
        if (f.shape.size() != 2) continue;
        const auto w = f.width();
        if (f.type == FieldType::Categorical && w == 1) {
            ranked.emplace_back(labelRank(f.name), categorical(f));
        } else if (w == 1) {
            ranked.emplace_back(constantOverNodes(f) ? kConstant : kVarying, column(sample, f, -1));
        } else {
            if (f.name == "color" && (w == 3 || w == 4)) ranked.emplace_back(kOthers, rgb(f));
            if (w == 3 && f.type != FieldType::Scalar)
                ranked.emplace_back(kOthers, magnitude(sample, f));
            for (int k = 0; k < w && k < 16; ++k)
                ranked.emplace_back(kOthers, column(sample, f, k));
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ColorQuantity> out;
    for (auto& [rank, q] : ranked) out.push_back(std::move(q));
    ColorQuantity solid;
    solid.kind = ColorQuantity::Kind::Solid;
    solid.name = QStringLiteral("solid");
    out.push_back(std::move(solid));
    return out;
}

} // namespace equiscope::views
