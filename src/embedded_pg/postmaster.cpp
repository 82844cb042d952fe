#include "embedded_pg/postmaster.hpp"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <pwd.h>
#include <signal.h>
#include "util/log.hpp"
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "embedded_pg/support.hpp"

namespace agenthq::embedded_pg {
using namespace std::chrono_literals;

std::optional<pid_t> postmaster_pid(const fs::path& pgdata) {
  std::ifstream in(pgdata / "postmaster.pid");
  long pid = 0;
  if (in >> pid && pid > 0) return static_cast<pid_t>(pid);
  return std::nullopt;
}

char process_state(pid_t pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  const auto paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() ? stat[paren + 2] : 0;
}

bool runs_in(pid_t pid, const fs::path& dir) {
  std::error_code ec;
  return fs::read_symlink("/proc/" + std::to_string(pid) + "/cwd", ec) == dir && !ec;
}

std::vector<pid_t> postgres_processes_in(const fs::path& dir) {
  std::vector<pid_t> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_number(name)) continue;
    const pid_t pid = std::stoi(name);
    std::error_code exe_ec;
    const std::string exe = fs::read_symlink(entry.path() / "exe", exe_ec).filename().string();
    if (!exe_ec && exe.starts_with("postgres") && runs_in(pid, dir)) found.push_back(pid);
  }
  return found;
}

}  // namespace agenthq::embedded_pg
