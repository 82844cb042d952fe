#include "embedded_pg/server_binaries.hpp"

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

bool has_server_binaries(const fs::path& bin) {
  for (const char* tool : {"initdb", "pg_ctl", "postgres"})
    if (::access((bin / tool).c_str(), X_OK) != 0) return false;
  return true;
}

fs::path find_bin_dir(const std::string& required_major) {
  if (!required_major.empty()) {
    fs::path bin = fs::path(kPgRoot) / required_major / "bin";
    if (has_server_binaries(bin)) return bin;
    fail("the cluster was created by PostgreSQL " + required_major + " but " + bin.string() +
         " has no server binaries: install postgresql-" + required_major);
  }
  int best = -1;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kPgRoot, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_number(name) || name.size() > 4) continue;
    if (std::stoi(name) > best && has_server_binaries(entry.path() / "bin")) best = std::stoi(name);
  }
  if (best < 0)
    fail(std::string("server binaries (initdb, pg_ctl, postgres) not found in ") + kPgRoot +
         "/*/bin: install postgresql-15");
  return fs::path(kPgRoot) / std::to_string(best) / "bin";
}

}  // namespace agenthq::embedded_pg
