#pragma once
// Running the server programs (initdb, pg_ctl) as the database user: fork, drop privileges, exec.
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "embedded_pg/db_user.hpp"

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

int wait_exit_code(pid_t pid);

struct RunResult {
  int exit_code;
  std::string stderr_text;
};

// fork + drop privileges + exec, no shell in between; stdout is discarded, stderr captured for errors.
RunResult run_as(const DbUser& user, const fs::path& cwd, const fs::path& program,
                 const std::vector<std::string>& args);

// Asks the kernel instead of reading mode bits, so ACLs, group membership and every ancestor count.
bool can_search_as(const DbUser& user, const fs::path& dir);

}  // namespace agenthq::embedded_pg
