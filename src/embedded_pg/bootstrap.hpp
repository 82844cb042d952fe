#pragma once
// Talking to the new cluster before the hub does: its log, conninfo, blocking connections for set-up SQL.
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <libpq-fe.h>

#include <filesystem>
#include <memory>
#include <string>

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

std::string log_tail(const fs::path& log_file, size_t max_lines);

std::string conninfo(const fs::path& socket_dir, const char* user, const char* dbname);

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

Connection connect(const std::string& info);

PGresult* exec(PGconn* conn, const char* sql);

}  // namespace agenthq::embedded_pg
