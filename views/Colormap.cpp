#include "Colormap.h"

#include <algorithm>
#include <cmath>
#include <vtkLookupTable.h>
#include <vtkScalarBarActor.h>
#include <vtkTextProperty.h>
#include <vtkVariant.h>

namespace equiscope::views {

namespace {
#include "ColormapTables.inc"

struct Table {
    const char* name;
    const double (*samples)[3];
};
const Table kTables[] = {{"viridis", k_viridis}, {"plasma", k_plasma},   {"inferno", k_inferno},
                         {"magma", k_magma},     {"cividis", k_cividis}, {"coolwarm", k_coolwarm}};
constexpr int kSamples = 32;
constexpr double kNanColor[3] = {0.55, 0.55, 0.55};

const double (*samplesFor(const QString& name))[3] {
    for (const Table& t : kTables)
        if (name == QLatin1String(t.name)) return t.samples;
    return k_viridis;
}
} // namespace

QStringList colormapNames() {
    QStringList names;
    for (const Table& t : kTables) names << QString::fromLatin1(t.name);
    return names;
}

std::array<double, 3> colormapColor(const QString& name, double t) {
    const auto* s = samplesFor(name);
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (kSamples - 1);
    const int i = std::min(static_cast<int>(t), kSamples - 2);
    const double f = t - i;
    return {s[i][0] * (1 - f) + s[i + 1][0] * f, s[i][1] * (1 - f) + s[i + 1][1] * f,
            s[i][2] * (1 - f) + s[i + 1][2] * f};
}

vtkSmartPointer<vtkLookupTable> makeLookupTable(const QString& name, double lo, double hi) {
    auto lut = vtkSmartPointer<vtkLookupTable>::New();
    constexpr int kEntries = 256;
    lut->SetNumberOfTableValues(kEntries);
    for (int i = 0; i < kEntries; ++i) {
        const auto c = colormapColor(name, i / double(kEntries - 1));
        lut->SetTableValue(i, c[0], c[1], c[2], 1.0);
    }
    if (!(hi > lo)) hi = lo + 1.0; // constant fields still get a valid range
    lut->SetTableRange(lo, hi);
    lut->SetNanColor(kNanColor[0], kNanColor[1], kNanColor[2], 1.0);
    lut->Build();
    return lut;
}

vtkSmartPointer<vtkLookupTable>
makeCategoricalTable(const std::vector<int64_t>& categories, const std::vector<std::string>& names,
                     const std::vector<std::array<double, 3>>& palette) {
    auto lut = vtkSmartPointer<vtkLookupTable>::New();
    lut->IndexedLookupOn();
    const auto n = static_cast<vtkIdType>(categories.size());
    lut->SetNumberOfTableValues(std::max<vtkIdType>(n, 1));
    for (vtkIdType i = 0; i < n; ++i) {
        const int64_t code = categories[static_cast<std::size_t>(i)];
        const bool painted = code >= 0 && static_cast<std::size_t>(code) < palette.size();
        const double* c =
            painted ? palette[static_cast<std::size_t>(code)].data() : k_tab10[i % 10];
        lut->SetTableValue(i, c[0], c[1], c[2], 1.0);
        const bool named = code >= 0 && static_cast<std::size_t>(code) < names.size();
        lut->SetAnnotation(vtkVariant(static_cast<double>(code)),
                           named ? names[static_cast<std::size_t>(code)] : std::to_string(code));
    }
    lut->SetNanColor(kNanColor[0], kNanColor[1], kNanColor[2], 1.0);
    lut->Build();
    return lut;
}

void styleLegend(vtkScalarBarActor* legend) {
    legend->SetNumberOfLabels(5);
    legend->SetMaximumWidthInPixels(110);
    legend->SetMaximumHeightInPixels(420);
    legend->SetPosition(0.02, 0.08); // in the legend strip's own viewport
    legend->SetPosition2(0.96, 0.84);
    legend->SetBarRatio(0.2);
    legend->SetLabelFormat("%.3g");
    legend->UnconstrainedFontSizeOn();
    for (vtkTextProperty* t : {legend->GetTitleTextProperty(), legend->GetLabelTextProperty()}) {
        t->SetColor(0.95, 0.95, 0.95);
        t->SetFontSize(14);
        t->ShadowOff();
        t->ItalicOff();
    }
    legend->GetTitleTextProperty()->BoldOn();
    legend->GetTitleTextProperty()->SetFontSize(12); // long titles fit the strip
    legend->SetTextPositionToPrecedeScalarBar();
    legend->SetVerticalTitleSeparation(8);
}

} // namespace equiscope::views
