#pragma once
// A read-only memory map of a whole file: readers parse straight from it without copies.

#include <cstddef>
#include <string>

namespace equiscope {

class MappedFile {
  public:
    explicit MappedFile(const std::string& path); // throws Error when the file cannot be read
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const char* data() const { return data_; }
    std::size_t size() const { return size_; }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace equiscope
