#include "hub/activity/activity_store.hpp"

#include <boost/json.hpp>

#include "util/ulid.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
constexpr const char* kActivityColumns =
    "id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, ip_address, created_at";

// Binds value as the next parameter and returns its placeholder.
std::string add_param(std::vector<db::Param>& params, db::Param value) {
  params.push_back(std::move(value));
  return "$" + std::to_string(params.size());
}
}  // namespace

std::string timestamp_from_micros(int param) {
  return "('epoch'::timestamptz + $" + std::to_string(param) + "::bigint * interval '1 microsecond')";
}

std::string audit_insert_from(const AuditEntry& e, const std::string& source, std::vector<db::Param>& params,
                              const std::string& extra_details) {
  std::string sql = "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, "
                    "resource_id, details, ip_address) SELECT ";
  sql += add_param(params, e.id) + ", ";  // the entry's own id, so the caller can announce it
  sql += add_param(params, e.org_id) + ", ";
  sql += add_param(params, e.actor_id) + ", ";
  sql += add_param(params, e.actor_type) + ", ";
  sql += add_param(params, e.action) + ", ";
  sql += "NULLIF(" + add_param(params, e.resource_type) + ", ''), " + source + ".id, ";
  sql += add_param(params, json::serialize(e.details)) + "::jsonb" + (extra_details.empty() ? "" : " || " + extra_details) + ", ";
  sql += "NULLIF(" + add_param(params, e.ip_address) + ", '') FROM " + source;
  return sql;
}

asio::awaitable<json::object> ActivityStore::append(const AuditEntry& e) {
  db::Statement insert(std::string("INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, "
                                   "resource_id, details, ip_address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, "
                                   "NULLIF($9, '')) RETURNING ") +
                           kActivityColumns,
                       {e.id, e.org_id, e.actor_id, e.actor_type, e.action,
                        e.resource_type.empty() ? db::Param{} : db::Param{e.resource_type},
                        e.resource_id.empty() ? db::Param{} : db::Param{e.resource_id}, json::serialize(e.details),
                        e.ip_address});
  const db::Scope scope = db::Scope::org(e.org_id);  // a named local: no temporaries inside co_await (g++ 12)
  auto r = co_await db_.query(scope, std::move(insert));
  co_return r.row_json(0);
}

asio::awaitable<ActivityPage> ActivityStore::list(const std::string& org_id, const ActivityFilter& f,
                                                  std::int64_t limit, std::int64_t offset) {
  std::vector<db::Param> params;
  std::string where = " FROM activity_log WHERE org_id = " + add_param(params, org_id);
  if (f.actor_id) where += " AND actor_id = " + add_param(params, f.actor_id);
  if (f.actor_type) where += " AND actor_type = " + add_param(params, f.actor_type);
  if (f.action) where += " AND action = " + add_param(params, f.action);
  if (f.resource_type) where += " AND resource_type = " + add_param(params, f.resource_type);
  for (auto micros : f.created_from) {
    add_param(params, std::to_string(micros));
    where += " AND created_at >= " + timestamp_from_micros(static_cast<int>(params.size()));
  }
  for (auto micros : f.created_to) {
    add_param(params, std::to_string(micros));
    where += " AND created_at <= " + timestamp_from_micros(static_cast<int>(params.size()));
  }
  std::vector<db::Param> page_params = params;
  const std::string page_sql = std::string("SELECT ") + kActivityColumns + where +
                               " ORDER BY created_at DESC, id DESC LIMIT " + add_param(page_params, std::to_string(limit)) +
                               "::bigint OFFSET " + add_param(page_params, std::to_string(offset)) + "::bigint";
  std::vector<db::Statement> batch;
  batch.emplace_back("SELECT count(*)" + where, std::move(params));
  batch.emplace_back(page_sql, std::move(page_params));
  const db::Scope scope = db::Scope::org(org_id);
  auto results = co_await db_.run(scope, std::move(batch));
  ActivityPage page;
  page.total = results[0].integer(0, 0);
  page.items = results[1].rows_json();
  co_return page;
}

}  // namespace agenthq::hub
