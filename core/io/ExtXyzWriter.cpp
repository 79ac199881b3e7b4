// Extended XYZ as ASE reads it: per frame the atom count, a comment line with Properties and
// the frame's info, then one line per atom. Every per-node field becomes a column group
// (categorical fields with names as S, integer storage as I, the rest as R, with 17
// significant digits so values read back exactly); frame fields become info (Lattice and pbc
// in their usual forms); metadata strings are written quoted.

#include "io/Writers.h"
#include "util/AtomicWrite.h"
#include "util/Error.h"
#include "util/ExactNumber.h"

namespace equiscope {

namespace {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

bool plainKey(const std::string& k) {
    if (k.empty()) return false;
    for (char c : k)
        if (c == ' ' || c == '\t' || c == '"' || c == '=' || c == '\n') return false;
    return true;
}

} // namespace

void writeExtXyz(const std::string& path, const Sample& sample) {
    sample.positions(); // throws when there are none
    const int64_t frames = sample.frameCount(), n = sample.nodeCount();
    std::string properties;
    for (const Field& f : sample.fields) {
        const char type = f.type == FieldType::Categorical && !f.categories.empty() ? 'S'
                          : f.storage == Storage::Integer                           ? 'I'
                                                                                    : 'R';
        properties +=
            (properties.empty() ? "" : ":") + f.name + ":" + type + ":" + std::to_string(f.width());
    }
    writeFileAtomically(path, [&](std::ostream& out) {
        for (int64_t t = 0; t < frames; ++t) {
            out << n << "\n";
            std::string info;
            for (const Field& f : sample.frameFields) {
                const int64_t w = f.width();
                std::string v;
                for (int64_t k = 0; k < w; ++k) {
                    const double x = f.values[static_cast<std::size_t>(t * w + k)];
                    v += (k ? " " : "") +
                         (f.name == "pbc" ? std::string(x != 0 ? "T" : "F") : exactNumber(x));
                }
                info += " " + f.name + "=" + (w > 1 ? quote(v) : v);
            }
            for (const auto& [key, value] : sample.metadata)
                if (plainKey(key)) info += " " + key + "=" + quote(value);
            out << "Properties=" << properties << info << "\n";
            for (int64_t i = 0; i < n; ++i) {
                std::string line;
                for (const Field& f : sample.fields) {
                    const int64_t w = f.width();
                    const int64_t base = (f.shape.size() == 3 ? t * n + i : i) * w;
                    for (int64_t k = 0; k < w; ++k) {
                        const double x = f.values[static_cast<std::size_t>(base + k)];
                        if (!line.empty()) line += ' ';
                        if (f.type == FieldType::Categorical && !f.categories.empty())
                            line += f.categories.at(static_cast<std::size_t>(x));
                        else
                            line += exactNumber(x);
                    }
                }
                out << line << "\n";
            }
        }
    });
}

} // namespace equiscope
