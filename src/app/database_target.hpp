#pragma once
#include <memory>
#include <optional>
#include <string>

#include "app/config.hpp"
#include "app/data_dir_lock.hpp"
#include "embedded_pg/embedded_cluster.hpp"

namespace agenthq::app {

// Where a command's database is: DATABASE_URL when set, else the hub's own embedded cluster,
// which this object keeps running (and the data directory locked) for as long as it lives.
struct DatabaseTarget {
  std::string admin_conninfo;  // owns the schema; runs migrations
  std::string app_conninfo;    // what the server connects as (row-level security applies to it)
  std::string app_role;        // granted the server's privileges after migrating; empty if same as admin
  std::optional<DataDirLock> lock;
  std::unique_ptr<embedded_pg::EmbeddedCluster> cluster;
};

DatabaseTarget open_database(const Config& config);

}  // namespace agenthq::app
