#pragma once
// Progress reporting and cooperative cancellation for every long computation.

#include "util/Error.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace equiscope {

class CancelToken {
  public:
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    void reset() {
        cancelled_.store(false, std::memory_order_relaxed);
        paused_.store(false, std::memory_order_relaxed);
    }
    bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }
    // Jobs that can pause (training) wait at their next safe point while this is set.
    void setPaused(bool paused) { paused_.store(paused, std::memory_order_relaxed); }
    bool paused() const { return paused_.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> cancelled_{false}, paused_{false};
};

// Passed by const reference into jobs. A default-constructed Progress reports nowhere
// and never cancels.
class Progress {
  public:
    using Callback = std::function<void(double fraction, const std::string& message)>;

    Progress() = default;
    Progress(Callback callback, const CancelToken* token)
        : callback_(std::move(callback)), token_(token) {}

    // fraction in [0, 1]; throws Cancelled when the token was set.
    void report(double fraction, const std::string& message) const {
        checkCancelled();
        if (callback_) callback_(fraction, message);
    }
    void checkCancelled() const {
        if (token_ && token_->cancelled()) throw Cancelled();
    }
    // Blocks while the token is paused; throws Cancelled when it is cancelled meanwhile.
    void waitWhilePaused() const {
        while (token_ && token_->paused() && !token_->cancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        checkCancelled();
    }

  private:
    Callback callback_;
    const CancelToken* token_ = nullptr;
};

} // namespace equiscope
