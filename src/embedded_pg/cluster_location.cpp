#include "embedded_pg/cluster_location.hpp"

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

std::string sha256_hex16(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    fail("SHA-256 failed");
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) out += {hex[digest[i] >> 4], hex[digest[i] & 15]};
  return out;
}

fs::path locate_cluster(const fs::path& data_dir, const DbUser& new_cluster_user) {
  const fs::path record = data_dir / "pg-location";
  if (fs::exists(record)) {
    const fs::path recorded = trim(read_file(record));
    if (!recorded.is_absolute()) fail(record.string() + " does not hold an absolute path");
    return recorded;
  }
  const fs::path local = data_dir / "pg";
  if (::geteuid() != 0) return local;
  const bool existing = fs::exists(local / "data" / "PG_VERSION");
  const DbUser user = existing ? owner_of(local / "data") : new_cluster_user;
  if (can_search_as(user, data_dir)) return local;
  if (existing)
    fail("user " + user.name + " cannot reach the existing cluster in " + local.string() +
         ": make the directories above it searchable (chmod o+x)");

  const fs::path fallback = kFallbackRoot / sha256_hex16(data_dir.string());
  for (const fs::path& dir : {kFallbackParent, kFallbackRoot})
    if (fs::create_directory(dir)) fs::permissions(dir, fs::perms(0755), fs::perm_options::replace);
  if (!can_search_as(user, kFallbackRoot))
    fail("user " + user.name + " can reach neither " + data_dir.string() + " nor " + kFallbackRoot.string());
  std::ofstream(record) << fallback.string() << "\n";
  if (trim(read_file(record)) != fallback.string()) fail("cannot write " + record.string());
  util::log::info("embedded PostgreSQL: user {} cannot reach {}; the cluster lives in {} (recorded in {})",
               user.name, data_dir.string(), fallback.string(), record.string());
  return fallback;
}

void create_data_dir(const fs::path& dir) {
  if (fs::exists(dir)) return;
  fs::create_directories(dir);
  fs::permissions(dir, ::geteuid() == 0 ? fs::perms(0711) : fs::perms(0700), fs::perm_options::replace);
}

void make_private_dir(const fs::path& dir, const DbUser& user) {
  fs::create_directory(dir);
  if (user.switch_user && ::chown(dir.c_str(), user.uid, user.gid) != 0)
    fail("cannot chown " + dir.string() + " to " + user.name + ": " + std::strerror(errno));
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

bool usable_socket_dir(const fs::path& dir) {
  const std::string path = dir.string();
  if (path.size() + 1 + std::strlen(kSocketFile) >= sizeof(sockaddr_un::sun_path)) return false;
  return std::all_of(path.begin(), path.end(),
                     [](unsigned char c) { return std::isalnum(c) || std::strchr("/._+-", c); });
}

}  // namespace agenthq::embedded_pg
