// Ground-truth parts from a file's own labels (declared in LoadDataset.h).

#include "io/InputLimits.h"
#include "io/LoadDataset.h"

namespace equiscope {

void adoptPartLabels(Sample& s, const std::string& path) {
    if (!s.parts.empty()) return;
    for (const char* name : {"part", "parts", "segment", "instance"}) {
        const Field* f = s.find(name);
        if (f && (f->type == FieldType::Categorical || f->storage == Storage::Integer) &&
            f->shape.size() == 2 && f->width() == 1) {
            s.parts = requireLabels(FilePlace::inFile(path), f->values,
                                    "field '" + f->name + "': the part label of node");
            return;
        }
    }
}

} // namespace equiscope
