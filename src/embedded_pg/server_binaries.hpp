#pragma once
// The PostgreSQL server binaries Debian installed (one directory per major version).
// Part of the embedded PostgreSQL supervisor (embedded_cluster.hpp); nothing else uses it.
#include <filesystem>
#include <string>

namespace agenthq::embedded_pg {
namespace fs = std::filesystem;

bool has_server_binaries(const fs::path& bin);

// Debian installs major versions side by side. A new cluster takes the newest; an existing one needs the
// major that created it, because the data files are not compatible across majors.
fs::path find_bin_dir(const std::string& required_major = "");

}  // namespace agenthq::embedded_pg
