#pragma once
// A small benchmark harness: repeated timed runs, medians, and a ratio in one run.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <vector>

namespace equiscope::bench {

// Seconds of each of `repeats` calls of `run`, after one warm-up call.
inline std::vector<double> timeRuns(int repeats, const std::function<void()>& run) {
    run();
    std::vector<double> seconds;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return seconds;
}

// Seconds of system (kernel) time this process has used so far, all threads.
inline double systemSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_stime.tv_sec) + 1e-6 * usage.ru_stime.tv_usec;
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// The q-quantile (0..1) of v, the nearest rank below.
inline double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

inline void printRow(const char* name, const std::vector<double>& seconds) {
    std::printf("%-28s median %9.2f ms   min %9.2f ms   (%zu runs)\n", name, 1e3 * median(seconds),
                1e3 * *std::min_element(seconds.begin(), seconds.end()), seconds.size());
}

} // namespace equiscope::bench
