#include "data/Field.h"

#include "util/Error.h"

namespace equiscope {

Field Field::perNode(std::string name, FieldType type, int64_t rows, int64_t width,
                     std::vector<double> values, Storage storage) {
    const int required = requiredWidth(type);
    if (required != 0 && width != required)
        throw Error("field '" + name + "' of type " + std::string(fieldTypeName(type)) +
                    " needs width " + std::to_string(required) + ", got " + std::to_string(width));
    if (static_cast<int64_t>(values.size()) != rows * width)
        throw Error("field '" + name + "': " + std::to_string(values.size()) +
                    " values do not fill " + std::to_string(rows) + " x " + std::to_string(width));
    Field f;
    f.name = std::move(name);
    f.type = type;
    f.shape = {rows, width};
    f.values = std::move(values);
    f.storage = storage;
    return f;
}

} // namespace equiscope
