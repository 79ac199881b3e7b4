#include "ScanProgress.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace equiscope::cli {

namespace {

std::string duration(double seconds) {
    const auto s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, s % 3600 / 60);
    else if (s >= 60)
        std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%llds", s);
    return text;
}

} // namespace

ScanProgress::ScanProgress(std::string label, int64_t total)
    : label_(std::move(label)), total_(total), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()), lastPrint_(start_) {}

void ScanProgress::advance(int64_t done) {
    done_ = done;
    const auto now = std::chrono::steady_clock::now();
    const auto every = terminal_ ? std::chrono::milliseconds(200) : std::chrono::seconds(10);
    if (now - lastPrint_ < every) return;
    lastPrint_ = now;
    print(false);
}

void ScanProgress::finish() {
    print(true);
}

void ScanProgress::print(bool last) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    char line[160];
    std::snprintf(line, sizeof line, "%s: %lld/%lld units (%.0f %%), %.3g units/s", label_.c_str(),
                  static_cast<long long>(done_), static_cast<long long>(total_),
                  total_ > 0 ? 100.0 * static_cast<double>(done_) / static_cast<double>(total_)
                             : 100.0,
                  rate);
    std::string text = line;
    if (!last && rate > 0) text += ", ETA " + duration(static_cast<double>(total_ - done_) / rate);
    if (last) text += ", " + duration(elapsed);
    std::cerr << (terminal_ ? "\r\033[K" : "") << text << (terminal_ && !last ? "" : "\n")
              << std::flush;
}

} // namespace equiscope::cli
