#include "app/database_target.hpp"

#include <spdlog/spdlog.h>

#include "db/conninfo.hpp"

namespace agenthq::app {

DatabaseTarget open_database(const Config& config) {
  DatabaseTarget t;
  if (!config.database_url.empty()) {
    t.app_conninfo = config.database_url;
    t.admin_conninfo = config.database_admin_url.empty() ? config.database_url : config.database_admin_url;
    const std::string app_user = db::conninfo_user(t.app_conninfo);
    if (app_user != db::conninfo_user(t.admin_conninfo)) t.app_role = app_user;
    if (t.app_role.empty())
      spdlog::warn(R"("msg":"DATABASE_URL's role also owns the schema, so row-level security does not apply to it; set DATABASE_ADMIN_URL to an owner role and DATABASE_URL to a separate role for two walls of tenant isolation")");
    return t;
  }
  t.lock.emplace(DataDirLock::acquire(config.data_dir));
  t.cluster = embedded_pg::EmbeddedCluster::start(config.data_dir);
  t.admin_conninfo = t.cluster->admin_conninfo();
  t.app_conninfo = t.cluster->app_conninfo();
  t.app_role = db::conninfo_user(t.app_conninfo);
  return t;
}

}  // namespace agenthq::app
