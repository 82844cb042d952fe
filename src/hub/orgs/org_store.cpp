#include "hub/orgs/org_store.hpp"

#include <boost/json.hpp>

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
constexpr const char* kOrgColumns = "id, name, slug, plan, settings, created_at, updated_at";
}

asio::awaitable<std::optional<json::object>> OrgStore::find(const std::string& org_id) {
  db::Statement select(std::string("SELECT ") + kOrgColumns + " FROM orgs WHERE id = $1", {org_id});
  auto r = co_await db_.query(db::Scope::org(org_id), std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<json::array> OrgStore::members(const std::string& org_id) {
  db::Statement select(
      "SELECT m.id, m.type, m.name, m.role FROM (SELECT id, 'user' AS type, name, role FROM users WHERE org_id = $1"
      " UNION ALL SELECT id, 'agent', name, NULL FROM agents WHERE org_id = $1) m"
      " ORDER BY m.type DESC, lower(m.name), m.id",
      {org_id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

asio::awaitable<std::optional<json::object>> OrgStore::update(const std::string& org_id,
                                                              const std::optional<std::string>& name,
                                                              const std::optional<json::object>& settings,
                                                              const AuditEntry& audit) {
  std::vector<db::Statement> batch;
  db::Param settings_param;
  if (settings) settings_param = json::serialize(*settings);
  batch.push_back({std::string("UPDATE orgs SET name = COALESCE($2, name), settings = COALESCE($3::jsonb, settings), "
                               "updated_at = now() WHERE id = $1 RETURNING ") +
                       kOrgColumns,
                   {org_id, name, settings_param}});
  batch.push_back(audit_statement(audit));
  auto results = co_await db_.run(db::Scope::org(org_id), std::move(batch));
  if (results.front().empty()) co_return std::nullopt;
  co_return results.front().row_json(0);
}

}  // namespace agenthq::hub
