#pragma once
// Groups a file's named per-vertex columns into typed fields: x,y,z -> pos (position);
// nx,ny,nz -> normal (vector); red,green,blue[,alpha] -> color; u,v -> texcoord;
// name_0..name_k -> name; anything else -> a scalar field of its own.

#include "data/Sample.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace equiscope {

struct Column {
    std::string name;
    Storage storage = Storage::Float32;
};

struct ColumnTarget {
    int field = -1; // index into ColumnLayout::fields; -1 when the column is skipped
    int component = 0;
};

struct ColumnLayout {
    std::vector<Field> fields;         // shapes set, values allocated to rows x width
    std::vector<ColumnTarget> targets; // one per input column

    // Moves the fields into the sample (positions first).
    void moveInto(Sample& sample) {
        for (Field& f : fields) sample.setField(std::move(f));
        fields.clear();
    }

    // Writes column `c` of row `r`.
    void set(std::size_t c, int64_t r, double value) {
        const ColumnTarget& t = targets[c];
        if (t.field < 0) return;
        Field& f = fields[static_cast<std::size_t>(t.field)];
        f.values[static_cast<std::size_t>(r * f.width() + t.component)] = value;
    }
};

// `typeHints` maps field names to types recorded by our own writer (PLY comments).
// Fails when the columns hold no x, y and z.
ColumnLayout layoutColumns(const std::vector<Column>& columns, int64_t rows,
                           const std::string& path,
                           const std::map<std::string, FieldType>& typeHints = {});

} // namespace equiscope
