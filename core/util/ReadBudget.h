#pragma once
// The memory budget of one read: the most bytes the arrays a file's counts ask for may
// take. A reader charges what it is about to allocate; a file whose decoded size would
// exceed the budget is refused with an Error that names the size, instead of taking the
// machine down. The limit is process-wide (equiscope-cli --max-memory); the count is per
// thread and per read (FormatRegistry::read opens a Scope).

#include <cstdint>
#include <string>

namespace equiscope {

class ReadBudget {
  public:
    static constexpr uint64_t kDefaultBytes = uint64_t{4} << 30; // 4 GiB

    static uint64_t limit();
    static void setLimit(uint64_t bytes);

    // Adds count × bytesEach to this thread's current read; throws Error naming `path`,
    // `what` and both sizes when the total would exceed the limit.
    static void charge(const std::string& path, uint64_t count, uint64_t bytesEach,
                       const std::string& what);
    static uint64_t used();

    // One read: counts from zero while it lives, then restores the outer count.
    class Scope {
      public:
        Scope();
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

      private:
        uint64_t outer_;
    };
};

std::string byteCount(uint64_t bytes); // "5.3 GB (5312000000 bytes)", "812 bytes"

} // namespace equiscope
