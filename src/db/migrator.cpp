#include "db/migrator.hpp"

#include "db/sql/create_bookkeeping.sql.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

namespace agenthq::db {
namespace {

// "agenthq" in ASCII. Fixed forever: runners of every version must contend for the same key.
constexpr long long kAdvisoryLockKey = 0x6167656e746871;


struct ConnCloser {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One blocking connection. Throwing closes it, and closing aborts any open transaction, so the
// error paths need no explicit ROLLBACK.
class Session {
 public:
  explicit Session(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (!conn_) throw std::runtime_error("migrate: out of memory connecting to PostgreSQL");
    if (PQstatus(conn_.get()) != CONNECTION_OK)
      throw std::runtime_error("migrate: cannot connect to PostgreSQL: " +
                               trimmed(PQerrorMessage(conn_.get())));
    run("SET client_min_messages = warning");
  }

  // Without params the simple protocol is used, so sql may hold several statements (a whole
  // migration file). `what` says what failed in the error message.
  Result run(const std::string& sql, const std::vector<std::string>& params = {},
             const std::string& what = "query failed") {
    PGresult* raw = nullptr;
    if (params.empty()) {
      raw = PQexec(conn_.get(), sql.c_str());
    } else {
      std::vector<const char*> values;
      for (const auto& p : params) values.push_back(p.c_str());
      raw = PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                         nullptr, nullptr, 0);
    }
    Result r(raw);
    const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
      const char* msg = r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_.get());
      throw std::runtime_error("migrate: " + what + ": " + trimmed(msg));
    }
    return r;
  }

  std::string quote_ident(const std::string& s) {
    char* q = PQescapeIdentifier(conn_.get(), s.c_str(), s.size());
    if (!q)
      throw std::runtime_error("migrate: cannot quote identifier: " + trimmed(PQerrorMessage(conn_.get())));
    std::string out(q);
    PQfreemem(q);
    return out;
  }

 private:
  std::unique_ptr<PGconn, ConnCloser> conn_;
};

std::string cell(const Result& r, int row, int col) { return PQgetvalue(r.get(), row, col); }

// Starts the transaction every mutating call runs in. The advisory lock comes first so that two
// runners on a fresh database do not both try to create the bookkeeping tables. is_locked=1 is
// only ever visible inside this transaction; commit_unlocked() puts it back to 0.
void begin_locked(Session& s) {
  s.run("BEGIN");
  s.run("SELECT pg_advisory_xact_lock($1::bigint)", {std::to_string(kAdvisoryLockKey)});
  s.run(std::string(sql::create_bookkeeping), {}, "creating knex_migrations");
  s.run("UPDATE knex_migrations_lock SET is_locked = 1");
}

void commit_unlocked(Session& s) {
  s.run("UPDATE knex_migrations_lock SET is_locked = 0");
  s.run("COMMIT", {}, "commit failed");
}

// name -> batch of every recorded migration.
std::map<std::string, int> applied_batches(Session& s) {
  Result r = s.run("SELECT name, batch FROM knex_migrations ORDER BY id");
  std::map<std::string, int> out;
  for (int i = 0; i < PQntuples(r.get()); ++i) out[cell(r, i, 0)] = std::stoi(cell(r, i, 1));
  return out;
}

// A newer binary may have migrated this database; running older migrations (or rolling back
// over unknown ones) against it could only do damage.
void refuse_unknown(const std::set<std::string>& known, const std::map<std::string, int>& applied) {
  std::string unknown;
  for (const auto& [name, batch] : applied)
    if (!known.count(name)) unknown += (unknown.empty() ? "" : ", ") + name;
  if (!unknown.empty())
    throw std::runtime_error("migrate: knex_migrations lists migrations this binary does not know (" +
                             unknown +
                             "); the database was migrated by a different version, refusing to touch it");
}

int last_batch(const std::map<std::string, int>& applied) {
  int last = 0;
  for (const auto& [name, batch] : applied) last = std::max(last, batch);
  return last;
}

// Resets the server role's privileges to exactly what it needs. REVOKE ALL first so a privilege
// granted by hand (say DELETE on activity_log) does not survive a migration.
void grant_app_role(Session& s, const std::string& app_role) {
  if (app_role.empty()) return;
  if (cell(s.run("SELECT current_user::text = $1", {app_role}), 0, 0) == "t")
    throw std::runtime_error("migrate: app role '" + app_role +
                             "' is the migrating role itself; the server must connect as a separate role");
  const std::string role = s.quote_ident(app_role);
  std::string sql = "GRANT USAGE ON SCHEMA public TO " + role + ";\n";

  Result tables = s.run("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  for (int i = 0; i < PQntuples(tables.get()); ++i) {
    const std::string name = cell(tables, i, 0);
    const std::string table = "public." + s.quote_ident(name);
    const char* privileges = "SELECT, INSERT, UPDATE, DELETE";
    if (name == "activity_log") privileges = "SELECT, INSERT";         // the audit trail is append-only
    if (name == "post_counts" || name == "org_versions") privileges = "SELECT";  // kept by triggers (022, 023)
    if (name == "org_removals") privileges = "SELECT";                  // written by `agenthq org delete` only
    if (name.rfind("knex_migrations", 0) == 0) privileges = "SELECT";  // the server may check, not migrate
    sql += "REVOKE ALL ON TABLE " + table + " FROM " + role + ";\n";
    sql += std::string("GRANT ") + privileges + " ON TABLE " + table + " TO " + role + ";\n";
  }
  sql += "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role + ";\n";

  Result functions = s.run(
      "SELECT p.oid::regprocedure::text FROM pg_proc p "
      "WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1");
  for (int i = 0; i < PQntuples(functions.get()); ++i)
    sql += "GRANT EXECUTE ON FUNCTION " + cell(functions, i, 0) + " TO " + role + ";\n";

  s.run(sql, {}, "granting privileges to app role '" + app_role + "'");
}

}  // namespace

Migrator::Migrator(std::string conninfo, std::string app_role)
    : Migrator(std::move(conninfo), std::move(app_role), embedded_sql_files()) {}

Migrator::Migrator(std::string conninfo, std::string app_role, std::vector<EmbeddedSqlFile> files)
    : conninfo_(std::move(conninfo)), app_role_(std::move(app_role)) {
  // Pair NNN_name.up.sql with NNN_name.down.sql; a std::map keeps them in name order.
  std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> by_name;
  for (auto& f : files) {
    if (ends_with(f.name, ".up.sql") && f.name.size() > 7) {
      by_name[f.name.substr(0, f.name.size() - 7)].first = std::move(f.sql);
    } else if (ends_with(f.name, ".down.sql") && f.name.size() > 9) {
      by_name[f.name.substr(0, f.name.size() - 9)].second = std::move(f.sql);
    } else {
      throw std::runtime_error("migrate: unexpected migration file '" + f.name +
                               "' (expected NNN_name.up.sql or NNN_name.down.sql)");
    }
  }
  for (auto& [name, sql] : by_name) {
    if (!sql.first || !sql.second)
      throw std::runtime_error("migrate: migration " + name + " lacks its " + (sql.first ? "down" : "up") +
                               " file");
    migrations_.push_back({name, std::move(*sql.first), std::move(*sql.second)});
  }
}

std::set<std::string> Migrator::known_names() const {
  std::set<std::string> names;
  for (const auto& m : migrations_) names.insert(m.name);
  return names;
}

std::vector<std::string> Migrator::up() {
  Session s(conninfo_);
  begin_locked(s);
  const auto applied = applied_batches(s);
  refuse_unknown(known_names(), applied);

  const std::string batch = std::to_string(last_batch(applied) + 1);
  std::vector<std::string> done;
  for (const auto& m : migrations_) {
    if (applied.count(m.name)) continue;
    s.run(m.up_sql, {}, "migration " + m.name + " (up) failed");
    s.run("INSERT INTO knex_migrations (name, batch, migration_time) VALUES ($1, $2, now())", {m.name, batch},
          "recording migration " + m.name);
    done.push_back(m.name);
  }
  grant_app_role(s, app_role_);
  commit_unlocked(s);
  return done;
}

std::vector<std::string> Migrator::rollback() {
  Session s(conninfo_);
  begin_locked(s);
  const auto applied = applied_batches(s);
  refuse_unknown(known_names(), applied);

  const int last = last_batch(applied);
  std::vector<std::string> done;
  for (auto m = migrations_.rbegin(); m != migrations_.rend(); ++m) {
    auto it = applied.find(m->name);
    if (it == applied.end() || it->second != last) continue;
    s.run(m->down_sql, {}, "migration " + m->name + " (down) failed");
    s.run("DELETE FROM knex_migrations WHERE name = $1", {m->name}, "unrecording migration " + m->name);
    done.push_back(m->name);
  }
  grant_app_role(s, app_role_);
  commit_unlocked(s);
  return done;
}

std::vector<MigrationStatus> Migrator::status() {
  Session s(conninfo_);
  std::map<std::string, int> applied;
  if (cell(s.run("SELECT to_regclass('knex_migrations') IS NOT NULL"), 0, 0) == "t")
    applied = applied_batches(s);
  refuse_unknown(known_names(), applied);

  std::vector<MigrationStatus> out;
  for (const auto& m : migrations_) {
    auto it = applied.find(m.name);
    out.push_back({m.name, it != applied.end(), it != applied.end() ? it->second : 0});
  }
  return out;
}

}  // namespace agenthq::db
