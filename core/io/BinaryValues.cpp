#include "io/BinaryValues.h"

namespace equiscope {

int byteSize(ScalarKind kind) {
    switch (kind) {
    case ScalarKind::Int8:
    case ScalarKind::UInt8:
        return 1;
    case ScalarKind::Int16:
    case ScalarKind::UInt16:
        return 2;
    case ScalarKind::Int32:
    case ScalarKind::UInt32:
    case ScalarKind::Float32:
        return 4;
    case ScalarKind::Int64:
    case ScalarKind::UInt64:
    case ScalarKind::Float64:
        return 8;
    }
    return 0;
}

bool isFloat(ScalarKind kind) {
    return kind == ScalarKind::Float32 || kind == ScalarKind::Float64;
}

} // namespace equiscope
