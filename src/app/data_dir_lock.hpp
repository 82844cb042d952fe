#pragma once

#include <filesystem>

namespace agenthq::app {

// Exclusive use of a data directory by one `agenthq serve`. Two servers on one directory would start two
// postmasters on the same cluster files; the second must fail before it touches anything.
// The lock is a flock(2) on <data_dir>/agenthq.lock, so the kernel drops it when the process dies and a
// crash never leaves a stale lock behind.
class DataDirLock {
 public:
  // Creates data_dir if missing, then locks it without blocking. Throws std::runtime_error naming the
  // directory and the holder's pid when another process (or another open of the lock file) holds it.
  static DataDirLock acquire(const std::filesystem::path& data_dir);

  DataDirLock(DataDirLock&& other) noexcept;
  DataDirLock& operator=(DataDirLock&& other) noexcept;
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;
  ~DataDirLock();

  const std::filesystem::path& data_dir() const { return data_dir_; }

 private:
  DataDirLock(std::filesystem::path data_dir, int fd) : data_dir_(std::move(data_dir)), fd_(fd) {}
  void release() noexcept;

  std::filesystem::path data_dir_;
  int fd_ = -1;
};

}  // namespace agenthq::app
