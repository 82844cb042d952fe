#include "app/org_removal.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <iostream>

#include "app/database_target.hpp"
#include "db/conninfo.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"

namespace agenthq::app {
namespace asio = boost::asio;

namespace {

// One transaction: name the tenant for the audit trail's one exception (migration 025), record
// the removal, delete the org (every tenant table cascades from orgs), then the org's version
// counters (migration 023: no foreign key, and the cascade's own triggers bump them). Returns
// the org_removals row, or no row when there is no such org.
asio::awaitable<db::PgResult> remove(db::Database& owner, std::string org_id) {
  std::vector<db::Statement> batch;
  batch.emplace_back("SELECT set_config('agenthq.purge_org', $1, true)", std::vector<db::Param>{org_id});
  batch.emplace_back(
      "INSERT INTO org_removals (org_id, org_slug, org_name, audit_entries) SELECT o.id, o.slug, o.name, "
      "(SELECT count(*) FROM activity_log l WHERE l.org_id = o.id) FROM orgs o WHERE o.id = $1 "
      "RETURNING org_id, org_slug, org_name, audit_entries, removed_by",
      std::vector<db::Param>{org_id});
  batch.emplace_back("DELETE FROM orgs WHERE id = $1", std::vector<db::Param>{org_id});
  batch.emplace_back("DELETE FROM org_versions WHERE org_id = $1", std::vector<db::Param>{org_id});
  const db::Scope scope = db::Scope::none();  // the owner: row-level security does not bind it
  auto results = co_await owner.run(scope, std::move(batch));
  co_return std::move(results[1]);
}

}  // namespace

int delete_org(const Config& config, const std::string& org_id) {
  DatabaseTarget target = open_database(config);
  db::Migrator(target.admin_conninfo, target.app_role).up();
  asio::io_context ioc{1};
  db::Database owner(db::with_session_settings(target.admin_conninfo), 1, std::chrono::seconds(10));
  auto future = asio::co_spawn(ioc, remove(owner, org_id), asio::use_future);
  ioc.run();
  const db::PgResult removed = future.get();
  if (removed.empty()) {
    std::cerr << "agenthq: no organisation with id " << org_id << "\n";
    return 1;
  }
  spdlog::warn(R"("msg":"organisation removed","org_id":"{}","slug":"{}","audit_entries":{},"by":"{}")", org_id,
               removed.text(0, 1), removed.text(0, 3), removed.text(0, 4));
  std::cout << "Removed organisation " << removed.text(0, 2) << " (" << org_id << ", " << removed.text(0, 3)
            << " audit entries).\n";
  return 0;
}

}  // namespace agenthq::app
