#pragma once
// The processes running on a cluster's files, told apart from unrelated ones.
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <vector>

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

std::optional<pid_t> postmaster_pid(const fs::path& pgdata);

// 'R', 'S', 'Z'..., or 0 when there is no such process.
char process_state(pid_t pid);

// The postmaster and all its children chdir into PGDATA; that tells our server apart from an unrelated
// process that reused a stale pid.
bool runs_in(pid_t pid, const fs::path& dir);

std::vector<pid_t> postgres_processes_in(const fs::path& dir);

}  // namespace agenthq::embedded_pg
