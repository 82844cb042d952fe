#include "embedded_pg/db_user.hpp"

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

DbUser to_db_user(const passwd& pw) {
  DbUser user{true, pw.pw_uid, pw.pw_gid, {}, pw.pw_name};
  int count = 16;
  for (;;) {
    user.groups.resize(count);
    int capacity = count;
    if (::getgrouplist(pw.pw_name, pw.pw_gid, user.groups.data(), &count) >= 0) break;
    count = std::max(count, capacity * 2);
  }
  user.groups.resize(count);
  return user;
}

std::optional<DbUser> user_named(const std::string& name) {
  passwd pw{};
  passwd* found = nullptr;
  std::vector<char> buf(16384);
  if (::getpwnam_r(name.c_str(), &pw, buf.data(), buf.size(), &found) != 0 || !found) return std::nullopt;
  return to_db_user(pw);
}

std::optional<DbUser> user_with_uid(uid_t uid) {
  passwd pw{};
  passwd* found = nullptr;
  std::vector<char> buf(16384);
  if (::getpwuid_r(uid, &pw, buf.data(), buf.size(), &found) != 0 || !found) return std::nullopt;
  return to_db_user(pw);
}

DbUser default_db_user() {
  if (::geteuid() != 0) {
    auto me = user_with_uid(::geteuid());
    return DbUser{false, ::geteuid(), ::getegid(), {}, me ? me->name : std::to_string(::geteuid())};
  }
  for (const char* name : {"postgres", "nobody"})
    if (auto user = user_named(name)) return *user;
  fail("running as root, but there is neither a postgres nor a nobody user to run the database as");
}

DbUser owner_of(const fs::path& pgdata) {
  struct stat st {};
  if (::stat(pgdata.c_str(), &st) != 0) fail("cannot stat " + pgdata.string() + ": " + std::strerror(errno));
  if (st.st_uid == 0)
    fail(pgdata.string() +
         " belongs to root, and PostgreSQL refuses to run as root: chown -R it to postgres");
  if (auto user = user_with_uid(st.st_uid)) return *user;
  return DbUser{true, st.st_uid, st.st_gid, {st.st_gid}, std::to_string(st.st_uid)};
}

}  // namespace agenthq::embedded_pg
