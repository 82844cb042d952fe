#pragma once
#include <set>
#include <string>
#include <vector>

#include "db/embedded_migrations.hpp"

namespace agenthq::db {

struct MigrationStatus {
  std::string name;  // base name, e.g. "001_orgs"
  bool applied;
  int batch;  // 0 if pending
};

// Knex-compatible migration runner. Bookkeeping lives in knex_migrations / knex_migrations_lock
// with the same columns knex uses; names are recorded without suffix ("001_orgs").
//
// Blocking libpq on purpose: it runs from the CLI and at start-up, before any event loop.
// Each call opens its own connection and works in one transaction holding a fixed advisory
// lock, so concurrent runners (several servers starting at once) serialise instead of racing.
// Every call refuses to work when knex_migrations lists a migration this binary does not know
// (a newer binary migrated the database). Failures throw std::runtime_error naming the
// migration and quoting PostgreSQL.
class Migrator {
 public:
  // conninfo: a libpq connection string for a role that may create tables (the owner).
  // app_role: if non-empty, after every up/rollback grant that role what the server needs:
  //   USAGE on schema public, SELECT/INSERT/UPDATE/DELETE on all tables EXCEPT activity_log which
  //   gets only SELECT/INSERT (and the knex_* bookkeeping tables, SELECT only), USAGE on sequences,
  //   EXECUTE on the SECURITY DEFINER functions. Never TRUNCATE. Table privileges are reset
  //   (REVOKE ALL, then GRANT), so the result is exact. It must not be the migrating role itself.
  Migrator(std::string conninfo, std::string app_role = "");
  // Same with an explicit set of files (names "NNN_name.up.sql" / "NNN_name.down.sql", each
  // migration needs both) instead of the embedded ones: for tests and tools.
  Migrator(std::string conninfo, std::string app_role, std::vector<EmbeddedSqlFile> files);

  // Applies all pending migrations, in name order, as ONE batch in ONE transaction; returns
  // the names applied (empty if none were pending).
  std::vector<std::string> up();
  // Reverts the last batch in one transaction, newest first; returns the names reverted.
  std::vector<std::string> rollback();
  // Every known migration in name order. Read-only: takes no lock, creates nothing.
  std::vector<MigrationStatus> status();

 private:
  struct Migration {
    std::string name;
    std::string up_sql;
    std::string down_sql;
  };

  std::set<std::string> known_names() const;

  std::string conninfo_;
  std::string app_role_;
  std::vector<Migration> migrations_;  // sorted by name
};

}  // namespace agenthq::db
