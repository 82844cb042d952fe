#include "pg_fixture.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <utility>

namespace agenthq::test {
namespace {

struct ResultClearer {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultClearer>;

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Single-quoted conninfo value: backslash and quote escaped, so any value survives.
std::string quoted(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// Runs sql on the admin connection; used where a failure should only be reported (destructors).
void admin_exec_noexcept(const std::string& sql) {
  try {
    PgConn(admin_conninfo()).exec(sql);
  } catch (const std::exception& e) {
    std::cerr << "pg_fixture: cleanup failed (" << sql << "): " << e.what() << "\n";
  }
}

}  // namespace

std::optional<std::string> test_pg_setting(const std::string& key) {
  if (const char* v = std::getenv(key.c_str()); v && *v) return v;
  const char* file = std::getenv("AGENTHQ_TEST_PG_FILE");
  if (!file || !*file) return std::nullopt;
  std::ifstream in(file);
  if (!in) throw std::runtime_error(std::string("AGENTHQ_TEST_PG_FILE names ") + file +
                                    ", which cannot be read: did ctest's pg_start fixture run?");
  for (std::string line; std::getline(in, line);)
    if (line.starts_with(key + "=")) return line.substr(key.size() + 1);
  return std::nullopt;
}

std::string admin_conninfo() {
  if (auto v = test_pg_setting("AGENTHQ_TEST_PG"); v && !v->empty()) return *v;
  throw std::runtime_error(
      "AGENTHQ_TEST_PG is not set (nor AGENTHQ_TEST_PG_FILE): run the tests under ctest or tests/with_postgres.sh");
}

std::string with_conninfo_param(const std::string& conninfo, const std::string& key,
                                const std::string& value) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
  if (!opts) {
    std::string msg = err ? err : "out of memory";
    PQfreemem(err);
    throw std::runtime_error("cannot parse conninfo: " + trimmed(msg));
  }
  std::string out;
  for (PQconninfoOption* o = opts; o->keyword; ++o) {
    if (key == o->keyword || !o->val) continue;
    out += std::string(o->keyword) + "=" + quoted(o->val) + " ";
  }
  PQconninfoFree(opts);
  return out + key + "=" + quoted(value);
}

std::string random_suffix(std::size_t n) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kAlphabet - 2);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += kAlphabet[pick(rng)];
  return out;
}

PgError::PgError(std::string state, const std::string& message)
    : std::runtime_error(state.empty() ? message : state + ": " + message), sqlstate(std::move(state)) {}

PgConn::PgConn(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK)
    throw PgError("", "cannot connect: " + trimmed(conn_ ? PQerrorMessage(conn_.get()) : "out of memory"));
}

std::vector<Row> PgConn::query(const std::string& sql, const std::vector<std::string>& params) {
  Result r;
  if (params.empty()) {
    r.reset(PQexec(conn_.get(), sql.c_str()));
  } else {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    r.reset(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                         nullptr, nullptr, 0));
  }
  const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
    const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    throw PgError(state ? state : "",
                  trimmed(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_.get())));
  }
  std::vector<Row> rows;
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    Row row;
    for (int j = 0; j < PQnfields(r.get()); ++j) {
      if (PQgetisnull(r.get(), i, j))
        row.emplace_back(std::nullopt);
      else
        row.emplace_back(std::string(PQgetvalue(r.get(), i, j), PQgetlength(r.get(), i, j)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void PgConn::exec(const std::string& sql, const std::vector<std::string>& params) { query(sql, params); }

std::optional<std::string> PgConn::scalar(const std::string& sql, const std::vector<std::string>& params) {
  auto rows = query(sql, params);
  if (rows.empty() || rows[0].empty()) throw std::runtime_error("scalar: no row from: " + sql);
  return rows[0][0];
}

std::optional<PgError> PgConn::try_exec(const std::string& sql, const std::vector<std::string>& params) {
  try {
    query(sql, params);
    return std::nullopt;
  } catch (const PgError& e) {
    return e;
  }
}

FreshDatabase::FreshDatabase() : name_("t_" + random_suffix()) {
  PgConn(admin_conninfo()).exec("CREATE DATABASE " + name_);
  conninfo_ = with_conninfo_param(admin_conninfo(), "dbname", name_);
}

FreshDatabase::~FreshDatabase() { admin_exec_noexcept("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"); }

TempRole::TempRole(const std::string& prefix) : name_(prefix + "_" + random_suffix()) {
  PgConn(admin_conninfo()).exec("CREATE ROLE " + name_ + " LOGIN");
}

TempRole::~TempRole() { admin_exec_noexcept("DROP ROLE IF EXISTS " + name_); }

std::string TempRole::conninfo(const std::string& database_conninfo) const {
  return with_conninfo_param(database_conninfo, "user", name_);
}

}  // namespace agenthq::test
