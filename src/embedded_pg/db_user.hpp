#pragma once
// The unprivileged user the cluster runs as when the hub runs as root.
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <sys/types.h>
#include <pwd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

struct DbUser {
  bool switch_user = false;  // false: run as ourselves
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;  // resolved here: initgroups() is not safe between fork and exec
  std::string name;
};

DbUser to_db_user(const passwd& pw);

std::optional<DbUser> user_named(const std::string& name);

std::optional<DbUser> user_with_uid(uid_t uid);

// PostgreSQL refuses to run as root, so as root a new cluster belongs to an unprivileged user.
DbUser default_db_user();

// An existing cluster keeps running as whoever owns its files, even if that is not today's default.
DbUser owner_of(const fs::path& pgdata);

}  // namespace agenthq::embedded_pg
