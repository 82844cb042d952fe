#include "verticals/real_estate/integrations/integration_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "util/ulid.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

const std::string kColumns = "id, org_id, type, status, settings, last_error, last_synced_at, created_at, updated_at";

// The audit entry of a change to the integration row(s) `source` returns.
std::string audit_from(const hub::AuditEntry& e, const std::string& source, db::SqlParams& params) {
  return hub::audit_insert_from(e, params, source, source + ".id", "jsonb_build_object('type', " + source + ".type)");
}

}  // namespace

asio::awaitable<json::object> IntegrationStore::connect(const std::string& org_id, const std::string& type,
                                                        const std::string& sealed,
                                                        const std::optional<json::object>& settings,
                                                        const hub::AuditEntry& audit) {
  db::Param settings_param;
  if (settings) settings_param = json::serialize(*settings);
  db::SqlParams params({util::new_ulid(), org_id, type, sealed, settings_param});
  std::string sql =
      "WITH up AS (INSERT INTO integrations AS i (id, org_id, type, status, credentials_encrypted, settings) "
      "VALUES ($1, $2, $3, 'connected', $4, COALESCE($5::jsonb, '{}'::jsonb)) "
      "ON CONFLICT (org_id, type) DO UPDATE SET credentials_encrypted = EXCLUDED.credentials_encrypted, "
      "settings = COALESCE($5::jsonb, i.settings), status = 'connected', last_error = NULL, updated_at = now() "
      "RETURNING " + kColumns + "), audit AS (";
  sql += audit_from(audit, "up", params) + ") SELECT * FROM up";
  db::Statement upsert(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(upsert));
  co_return r.row_json(0);
}

asio::awaitable<json::array> IntegrationStore::list(const std::string& org_id) {
  db::Statement select("SELECT " + kColumns + " FROM integrations WHERE org_id = $1 ORDER BY created_at DESC, id DESC",
                       {org_id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

asio::awaitable<std::optional<json::object>> IntegrationStore::find(const std::string& org_id, const std::string& id) {
  db::Statement select("SELECT " + kColumns + " FROM integrations WHERE org_id = $1 AND id = $2", {org_id, id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<std::optional<StoredIntegration>> IntegrationStore::find_by_type(const std::string& org_id,
                                                                                 const std::string& type) {
  db::Statement select(
      "SELECT id, status, credentials_encrypted, COALESCE(settings, '{}'::jsonb) AS settings FROM integrations "
      "WHERE org_id = $1 AND type = $2",
      {org_id, type});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  StoredIntegration out;
  out.id = std::string(r.text(0, 0));
  out.status = std::string(r.text(0, 1));
  out.sealed_credentials = r.opt_text(0, 2);
  json::value settings = r.value(0, 3);
  if (settings.is_object()) out.settings = std::move(settings.as_object());
  co_return out;
}

asio::awaitable<std::optional<json::object>> IntegrationStore::disconnect(const std::string& org_id,
                                                                          const std::string& id,
                                                                          const hub::AuditEntry& audit) {
  db::SqlParams params({org_id, id});
  std::string sql = "WITH changed AS (UPDATE integrations SET status = 'disconnected', credentials_encrypted = NULL, "
                    "updated_at = now() WHERE org_id = $1 AND id = $2 RETURNING " + kColumns + "), audit AS (";
  sql += audit_from(audit, "changed", params) + ") SELECT * FROM changed";
  db::Statement update(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(update));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<bool> IntegrationStore::remove(const std::string& org_id, const std::string& id,
                                               const hub::AuditEntry& audit) {
  db::SqlParams params({org_id, id});
  std::string sql = "WITH gone AS (DELETE FROM integrations WHERE org_id = $1 AND id = $2 RETURNING id, type), "
                    "audit AS (";
  sql += audit_from(audit, "gone", params) + ") SELECT id FROM gone";
  db::Statement del(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(del));
  co_return !r.empty();
}

asio::awaitable<std::optional<json::object>> IntegrationStore::record_check(const std::string& org_id,
                                                                            const std::string& id, bool ok,
                                                                            const std::string& message,
                                                                            const std::optional<std::string>& only_if) {
  std::string sql = ok ? "UPDATE integrations SET status = 'connected', last_error = NULL, last_synced_at = now(), "
                         "updated_at = now()"
                       : "UPDATE integrations SET status = 'error', last_error = $4, updated_at = now()";
  sql += " WHERE org_id = $1 AND id = $2 AND credentials_encrypted IS NOT NULL "
         "AND ($3::text IS NULL OR credentials_encrypted = $3) RETURNING " + kColumns;
  std::vector<db::Param> params{org_id, id, only_if};
  if (!ok) params.push_back(message);
  db::Statement update(std::move(sql), std::move(params));
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(update));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<void> IntegrationStore::replace_credentials(const std::string& org_id, const std::string& id,
                                                            const std::string& sealed, const std::string& previous) {
  db::Statement update(
      "UPDATE integrations SET credentials_encrypted = $3, updated_at = now() "
      "WHERE org_id = $1 AND id = $2 AND credentials_encrypted = $4",
      {org_id, id, sealed, previous});
  const db::Scope scope = db::Scope::org(org_id);
  co_await db_.query(scope, std::move(update));
}

asio::awaitable<std::optional<json::object>> IntegrationStore::mark_refresh_failed(const std::string& org_id,
                                                                                   const std::string& id,
                                                                                   const std::string& previous) {
  db::Statement update("UPDATE integrations SET status = 'error', last_error = 'Token refresh failed', "
                       "updated_at = now() WHERE org_id = $1 AND id = $2 AND credentials_encrypted = $3 RETURNING " +
                           kColumns,
                       {org_id, id, previous});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(update));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

db::Statement IntegrationStore::synced_statement(const std::string& org_id, const std::string& id) {
  return db::Statement("UPDATE integrations SET last_synced_at = now(), updated_at = now() WHERE org_id = $1 AND id = $2 "
                       "RETURNING " + kColumns,
                       {org_id, id});
}

}  // namespace agenthq::verticals::real_estate::integrations
