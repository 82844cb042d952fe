#pragma once
// Where the cluster lives: the data directory, or /var/lib/agenthq when the database user cannot reach it.
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <filesystem>
#include <string>

#include "embedded_pg/db_user.hpp"
#include "embedded_pg/run_as.hpp"

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

std::string sha256_hex16(const std::string& text);

// As root the database user must pass through data_dir and all its ancestors to reach <data_dir>/pg.
// When it cannot (a checkout under /root, mode 0700), the cluster moves to /var/lib/agenthq, and
// pg-location remembers that so later starts (and a later chmod) do not strand the data.
fs::path locate_cluster(const fs::path& data_dir, const DbUser& new_cluster_user);

// Same policy as app::DataDirLock, for callers that start the cluster on a directory it did not create.
void create_data_dir(const fs::path& dir);

// Only the database user (and root) may enter: the socket lives here and trust authentication relies on it.
void make_private_dir(const fs::path& dir, const DbUser& user);

// A socket path must fit sockaddr_un, and the directory travels through pg_ctl's shell command line.
bool usable_socket_dir(const fs::path& dir);

}  // namespace agenthq::embedded_pg
