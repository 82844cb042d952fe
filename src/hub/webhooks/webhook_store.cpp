#include "hub/webhooks/webhook_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "hub/activity/activity_store.hpp"
#include "hub/notifications/notification_sql.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using db::Statement;

namespace {
// events is text holding a JSON array (the reference's column type); it is emitted as an array.
constexpr const char* kColumns = "w.id, w.url, w.events::jsonb AS events, w.active, w.created_at";

WebhookTarget target_of(const db::PgResult& r, int row) {
  return {std::string(r.text(row, 0)), std::string(r.text(row, 1)), r.opt_text(row, 2).value_or("")};
}
}  // namespace

asio::awaitable<json::object> WebhookStore::create(const std::string& org_id, const std::string& url,
                                                   const std::string& events_json, const std::string& sealed_secret,
                                                   const AuditEntry& audit) {
  db::SqlParams params({org_id, util::new_ulid(), url, events_json,
                                sealed_secret.empty() ? db::Param{} : db::Param{sealed_secret}});
  std::string sql = "WITH w AS (INSERT INTO webhooks (id, org_id, url, events, secret) VALUES ($2, $1, $3, $4, $5)"
                    " RETURNING *), audit AS (";
  sql += audit_insert_from(audit, params, "w", "w.id", "jsonb_build_object('url', w.url, 'events', w.events::jsonb)");
  sql += std::string(") SELECT ") + kColumns + " FROM w";
  Statement insert(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(insert));
  co_return r.row_json(0);
}

asio::awaitable<json::array> WebhookStore::list(const std::string& org_id) {
  Statement select(std::string("SELECT ") + kColumns + ", w.secret IS NOT NULL AS has_secret FROM webhooks w"
                   " WHERE w.org_id = $1 ORDER BY w.created_at DESC, w.id DESC",
                   {org_id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

asio::awaitable<bool> WebhookStore::remove(const std::string& org_id, const std::string& id, const AuditEntry& audit) {
  db::SqlParams params({org_id, id});
  std::string sql = "WITH gone AS (DELETE FROM webhooks WHERE org_id = $1 AND id = $2 RETURNING id, url), audit AS (";
  sql += audit_insert_from(audit, params, "gone", "gone.id", "jsonb_build_object('url', gone.url)");
  sql += ") SELECT count(*) FROM gone";
  Statement remove(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(remove));
  co_return r.integer(0, 0) > 0;
}

asio::awaitable<std::optional<WebhookTarget>> WebhookStore::find(const std::string& org_id, const std::string& id) {
  Statement select("SELECT id, url, secret FROM webhooks WHERE org_id = $1 AND id = $2", {org_id, id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return target_of(r, 0);
}

asio::awaitable<std::vector<WebhookTarget>> WebhookStore::matching(const std::string& org_id, const std::string& event,
                                                            const std::optional<std::string>& channel_id) {
  // events was validated as a JSON array of names when it was written.
  Statement select("SELECT id, url, secret FROM webhooks WHERE org_id = $1 AND active AND events::jsonb ? $2"
                   " AND NOT EXISTS (SELECT 1 FROM channels c WHERE c.org_id = $1 AND c.id = $3::text"
                   " AND c.type IN ('private', 'dm')) ORDER BY created_at, id",
                   {org_id, event, channel_id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  std::vector<WebhookTarget> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(target_of(r, i));
  co_return out;
}

asio::awaitable<std::vector<json::object>> WebhookStore::notifications(const std::string& org_id,
                                                                      const std::vector<std::string>& ids) {
  Statement select("SELECT id AS notification_id, recipient_id, recipient_type, type, title, body, actor_id, actor_type,"
                   " source_id, source_type FROM notifications WHERE org_id = $1 AND id = ANY($2::text[]) ORDER BY id",
                   {org_id, db::text_array(ids)});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  std::vector<json::object> out;
  for (int i = 0; i < r.rows(); ++i) {
    json::object row = r.row_json(i);
    if (row.at("body").is_null()) row.erase("body");
    out.push_back(std::move(row));
  }
  co_return out;
}

asio::awaitable<void> WebhookStore::log_deliveries(const std::string& org_id, const std::vector<WebhookTarget>& targets,
                                                   const std::vector<std::string>& ids, const std::string& delivery_id,
                                                   const std::string& event, const std::string& payload) {
  std::vector<std::string> webhook_ids;
  for (const auto& t : targets) webhook_ids.push_back(t.id);
  Statement insert("INSERT INTO webhook_deliveries (id, org_id, webhook_id, delivery_id, event, payload)"
                   " SELECT d.id, $1, d.webhook_id, $4, $5, $6 FROM unnest($2::text[], $3::text[]) d (id, webhook_id)",
                   {org_id, db::text_array(ids), db::text_array(webhook_ids), delivery_id, event, payload});
  const db::Scope scope = db::Scope::org(org_id);
  co_await db_.query(scope, std::move(insert));
}

asio::awaitable<void> WebhookStore::record(const std::string& org_id, const std::string& id, const DeliveryAttempt& a) {
  Statement update("UPDATE webhook_deliveries SET attempts = $3::integer, status = $4, response_status = $5::integer,"
                   " last_error = $6, next_attempt_at = CASE WHEN $4 = 'pending' THEN now() + $7::bigint *"
                   " interval '1 millisecond' END, updated_at = now() WHERE org_id = $1 AND id = $2",
                   {org_id, id, std::to_string(a.attempts), a.status,
                    a.response_status ? db::Param{std::to_string(a.response_status)} : db::Param{},
                    a.error.empty() ? db::Param{} : db::Param{a.error}, std::to_string(a.retry_in_ms)});
  const db::Scope scope = db::Scope::org(org_id);
  co_await db_.query(scope, std::move(update));
}

asio::awaitable<std::optional<json::array>> WebhookStore::deliveries(const std::string& org_id,
                                                                     const std::string& webhook_id) {
  std::vector<Statement> batch;
  batch.emplace_back("SELECT 1 FROM webhooks WHERE org_id = $1 AND id = $2", std::vector<db::Param>{org_id, webhook_id});
  batch.emplace_back("SELECT id, webhook_id, delivery_id, event, status, attempts, response_status, last_error,"
                     " next_attempt_at, created_at, updated_at FROM webhook_deliveries WHERE org_id = $1 AND"
                     " webhook_id = $2 ORDER BY created_at DESC, id DESC LIMIT 100",
                     std::vector<db::Param>{org_id, webhook_id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  if (r[0].empty()) co_return std::nullopt;
  co_return r[1].rows_json();
}

}  // namespace agenthq::hub
