#include "util/ReadBudget.h"

#include "util/CheckedMath.h"
#include "util/Error.h"

#include <atomic>
#include <cstdio>

namespace equiscope {

namespace {
std::atomic<uint64_t> gLimit{ReadBudget::kDefaultBytes};
thread_local uint64_t tUsed = 0;
} // namespace

uint64_t ReadBudget::limit() {
    return gLimit.load(std::memory_order_relaxed);
}

void ReadBudget::setLimit(uint64_t bytes) {
    gLimit.store(bytes, std::memory_order_relaxed);
}

uint64_t ReadBudget::used() {
    return tUsed;
}

void ReadBudget::charge(const std::string& path, uint64_t count, uint64_t bytesEach,
                        const std::string& what) {
    const auto bytes = checkedMul(count, bytesEach);
    const auto total = bytes ? checkedAdd(tUsed, *bytes) : std::nullopt;
    if (!total || *total > limit())
        throw Error(path + ": " + what + " would need " +
                    (bytes ? byteCount(*bytes) : std::string("more than 2^64 bytes")) +
                    " of memory; the budget for one read is " + byteCount(limit()) +
                    (tUsed > 0 ? " and " + byteCount(tUsed) + " are taken" : std::string()) +
                    " (equiscope-cli --max-memory BYTES raises it)");
    tUsed = *total;
}

ReadBudget::Scope::Scope() : outer_(tUsed) {
    tUsed = 0;
}

ReadBudget::Scope::~Scope() {
    tUsed = outer_;
}

std::string byteCount(uint64_t bytes) {
    const auto exact = static_cast<unsigned long long>(bytes);
    if (bytes < 1000000) return std::to_string(exact) + " bytes";
    const bool giga = bytes >= 1000000000;
    char text[64];
    std::snprintf(text, sizeof text, "%.1f %s (%llu bytes)",
                  static_cast<double>(bytes) / (giga ? 1e9 : 1e6), giga ? "GB" : "MB", exact);
    return text;
}

} // namespace equiscope
