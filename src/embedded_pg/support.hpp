#pragma once
// Small helpers and the fixed paths of the embedded PostgreSQL supervisor.
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <filesystem>
#include <string>

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

inline constexpr const char* kPort = "5432";
inline constexpr const char* kSocketFile = ".s.PGSQL.5432";
inline constexpr const char* kPgRoot = "/usr/lib/postgresql";
inline const fs::path kFallbackParent = "/var/lib/agenthq";
inline const fs::path kFallbackRoot = "/var/lib/agenthq/clusters";

bool is_number(const std::string& s);

[[noreturn]] void fail(const std::string& message);

std::string trim(std::string s);

std::string read_file(const fs::path& path);

}  // namespace agenthq::embedded_pg
