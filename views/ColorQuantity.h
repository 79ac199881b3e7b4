#pragma once
// A named quantity the points can be coloured by (Polyscope's shape): a structure holds
// many, registered by whoever computes them (the data's fields, the live equivariance
// error, the Parts dock, later views), and one of them is shown.

#include <QString>
#include <array>
#include <functional>
#include <string>
#include <vector>

namespace equiscope::views {

struct ColorQuantity {
    enum class Kind { Solid, Scalar, Rgb, Categorical };
    QString name;  // the key and the entry in the colour combo ("height", "|normal|")
    QString owner; // who registered it ("data", "model", "parts"); removed together
    Kind kind = Kind::Scalar;
    std::vector<double> values; // per node; Rgb: 3 per node in 0..255
    // Computes `values` the first time they are drawn (data fields: only what is shown).
    std::function<std::vector<double>()> lazyValues;
    std::vector<std::string> categories;          // Categorical: names of codes 0..K-1
    std::vector<std::array<double, 3>> palette;   // Categorical: colour per code (empty: tab10)
    QString title;                                // legend title; empty: the name
    QString colormap = QStringLiteral("viridis"); // Scalar
    bool logScale = false;
    double fixedLo = 0, fixedHi = 0; // fixedLo < fixedHi: this range instead of the values'
    // > 0: values below it are round-off of an exact computation, drawn in one colour and
    // named in the legend; the colormap spans only the values above.
    double exactBelow = 0;

    QString legendTitle() const { return title.isEmpty() ? name : title; }
    bool usesColormap() const { return kind == Kind::Scalar; }
};

// The "exact to round-off" colour (a light grey-blue, apart from every colormap's ends).
constexpr std::array<double, 3> kExactColor{0.78, 0.82, 0.88};

} // namespace equiscope::views
