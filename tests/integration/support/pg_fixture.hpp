#pragma once
// Small blocking-libpq helpers for tests that need a real PostgreSQL, a throwaway cluster of
// tests/pg_cluster.sh: ctest's pg_start fixture writes its settings to a file named by
// AGENTHQ_TEST_PG_FILE, tests/with_postgres.sh exports them (AGENTHQ_TEST_PG, a conninfo for the
// superuser `postgres`, and AGENTHQ_TEST_PG_BIN). Nothing project-specific.
#include <libpq-fe.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace agenthq::test {

// A setting of the test cluster (AGENTHQ_TEST_PG, AGENTHQ_TEST_PG_BIN): the environment variable
// if it is set and not empty, else its line in the file AGENTHQ_TEST_PG_FILE names (see
// tests/pg_cluster.sh); nullopt if neither has it. Throws if that file cannot be read.
std::optional<std::string> test_pg_setting(const std::string& key);

// The AGENTHQ_TEST_PG setting; throws std::runtime_error when there is none (run the tests under
// ctest or tests/with_postgres.sh).
std::string admin_conninfo();

// `conninfo` (key=value or URI form) with one keyword set, e.g. ("dbname", "t_x") or ("user", role).
std::string with_conninfo_param(const std::string& conninfo, const std::string& key,
                                const std::string& value);

// n random characters from [a-z0-9], for unique database and role names.
std::string random_suffix(std::size_t n = 12);

// A failed statement or connection attempt. sqlstate is e.g. "42501" (insufficient privilege),
// empty when the server gave none (connection failures).
struct PgError : std::runtime_error {
  PgError(std::string sqlstate, const std::string& message);
  std::string sqlstate;
};

using Row = std::vector<std::optional<std::string>>;  // one text value per column; nullopt = NULL

// One blocking connection; every failure throws PgError.
class PgConn {
 public:
  explicit PgConn(const std::string& conninfo);

  // Runs sql and returns the rows of its (last) statement. Without params sql may hold several
  // statements; with params it is one statement, $1..$n bound as text.
  std::vector<Row> query(const std::string& sql, const std::vector<std::string>& params = {});
  void exec(const std::string& sql, const std::vector<std::string>& params = {});
  // First column of the first row (nullopt if NULL); throws if there is no row.
  std::optional<std::string> scalar(const std::string& sql, const std::vector<std::string>& params = {});
  // For statements expected to fail: the error, or nullopt if the statement succeeded.
  std::optional<PgError> try_exec(const std::string& sql, const std::vector<std::string>& params = {});

  PGconn* raw() { return conn_.get(); }

 private:
  struct Closer {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  std::unique_ptr<PGconn, Closer> conn_;
};

// A database of its own for one test: CREATE DATABASE t_<random> now, DROP DATABASE ... WITH
// (FORCE) on destruction (lingering connections are terminated).
class FreshDatabase {
 public:
  FreshDatabase();
  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  const std::string& name() const { return name_; }
  // Superuser conninfo for this database.
  const std::string& conninfo() const { return conninfo_; }

 private:
  std::string name_;
  std::string conninfo_;
};

// A LOGIN role for one test: CREATE ROLE <prefix>_<random> LOGIN now, DROP ROLE on destruction.
// Roles are cluster-wide and cannot be dropped while they hold privileges in some database, so
// declare a TempRole before the FreshDatabase it is used in (destroyed in reverse order).
// prefix is spliced into SQL unquoted: keep it a plain lower-case identifier.
class TempRole {
 public:
  explicit TempRole(const std::string& prefix = "t_role");
  ~TempRole();
  TempRole(const TempRole&) = delete;
  TempRole& operator=(const TempRole&) = delete;

  const std::string& name() const { return name_; }
  // `database_conninfo` with user replaced by this role (the test cluster trusts local logins).
  std::string conninfo(const std::string& database_conninfo) const;

 private:
  std::string name_;
};

}  // namespace agenthq::test
