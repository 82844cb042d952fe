#include "app/data_dir_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

namespace agenthq::app {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_errno(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

// The data directory holds the database cluster, so only its owner may enter it. As root the embedded
// PostgreSQL runs as an unprivileged user that must still pass through it to reach <data_dir>/pg:
// search-only (0711) lets it do that without being able to list or read anything else here.
void create_data_dir(const fs::path& dir) {
  if (fs::exists(dir)) return;
  fs::create_directories(dir);
  fs::permissions(dir, geteuid() == 0 ? fs::perms(0711) : fs::perms(0700), fs::perm_options::replace);
}

std::string read_holder_pid(int fd) {
  char buf[32] = {};
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  // Empty when the holder has locked but not yet written its pid.
  return pid.empty() ? "unknown" : pid;
}

}  // namespace

DataDirLock DataDirLock::acquire(const fs::path& data_dir) {
  create_data_dir(data_dir);
  fs::path dir = fs::canonical(data_dir);
  fs::path lock_path = dir / "agenthq.lock";

  // O_CLOEXEC matters: the postmaster we spawn must not inherit the descriptor, or it would keep the
  // directory locked after this process is gone.
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw_errno("cannot open lock file", lock_path);

  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    std::string holder = err == EWOULDBLOCK ? read_holder_pid(fd) : std::string();
    ::close(fd);
    if (err != EWOULDBLOCK) {
      errno = err;
      throw_errno("cannot lock", lock_path);
    }
    throw std::runtime_error("another agenthq serve is already using data directory " + dir.string() +
                             " (pid " + holder + ")");
  }

  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    int err = errno;
    ::close(fd);
    errno = err;
    throw_errno("cannot write pid to", lock_path);
  }
  return DataDirLock(std::move(dir), fd);
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept
    : data_dir_(std::move(other.data_dir_)), fd_(std::exchange(other.fd_, -1)) {}

DataDirLock& DataDirLock::operator=(DataDirLock&& other) noexcept {
  if (this != &other) {
    release();
    data_dir_ = std::move(other.data_dir_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

DataDirLock::~DataDirLock() { release(); }

// The file itself stays: unlinking it would let a process that opened the old inode and one that
// creates a new file both believe they hold the lock. Emptying it says nobody does.
void DataDirLock::release() noexcept {
  if (fd_ < 0) return;
  (void)::ftruncate(fd_, 0);
  ::close(fd_);
  fd_ = -1;
}

}  // namespace agenthq::app
