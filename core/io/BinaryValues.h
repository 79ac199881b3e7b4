#pragma once
// Decoding of fixed-size binary numbers in either byte order.

#include "util/CheckedMath.h"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

namespace equiscope {

enum class ScalarKind {
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64
};

int byteSize(ScalarKind kind);
bool isFloat(ScalarKind kind);

template <typename T> T loadValue(const char* p, bool bigEndian) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, p, sizeof(T));
    if (bigEndian)
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i)
            std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
    T value;
    std::memcpy(&value, bytes, sizeof(T));
    return value;
}

inline double loadAsDouble(const char* p, ScalarKind kind, bool bigEndian) {
    switch (kind) {
    case ScalarKind::Int8:
        return static_cast<int8_t>(*p);
    case ScalarKind::UInt8:
        return static_cast<uint8_t>(*p);
    case ScalarKind::Int16:
        return loadValue<int16_t>(p, bigEndian);
    case ScalarKind::UInt16:
        return loadValue<uint16_t>(p, bigEndian);
    case ScalarKind::Int32:
        return loadValue<int32_t>(p, bigEndian);
    case ScalarKind::UInt32:
        return loadValue<uint32_t>(p, bigEndian);
    case ScalarKind::Int64:
        return static_cast<double>(loadValue<int64_t>(p, bigEndian));
    case ScalarKind::UInt64:
        return static_cast<double>(loadValue<uint64_t>(p, bigEndian));
    case ScalarKind::Float32:
        return loadValue<float>(p, bigEndian);
    case ScalarKind::Float64:
        return loadValue<double>(p, bigEndian);
    }
    return 0;
}

} // namespace equiscope
